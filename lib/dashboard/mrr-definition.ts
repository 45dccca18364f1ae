/**
 * MRR (monthly recurring revenue) as the dashboard defines it, in one place for the query and the page's text.
 *
 * MRR at a moment = the sum, over the automatic renewals whose paid period covers that moment, of the renewed
 * type's price normalised to a month: price_cents × 31 / length_days. A month is 31 days, the month of the pricing
 * page and of upgrades' `monthly_fix` (lib/purchases/pricing-groups.ts MONTH_DAYS), so a 31-day type counts its
 * price and a 365-day one 31/365 of it.
 *
 * A renewal is a recurrent payment: it is set up when the payment before it is paid (`created_at`, the paid period's
 * start) and falls due when that payment's subscription ends (`charge_at`); charging it sets up the next one. Its
 * paid period is [created_at, charge_at) — a customer or admin who stopped the renewal still counts until then, as
 * the period is paid; one the system stopped (a refund, a dispute) stops counting at `stopped_at`. Gifts, family
 * members, referral rewards and one-off purchases have no recurrent payment and are not recurring revenue. Each
 * day's point is the MRR at the end of that UTC day (today: now), rounded to the cent once, after the sum.
 *
 * Read from recurrent payments alone (not their subscriptions): one row per paid period, no join but the types'.
 */
export const MRR_MONTH_DAYS = 31;

export const MRR_DEFINITION =
  "MRR at the end of each day: the prices of the automatic renewals whose paid period was running then, each normalised to a 31-day month (price × 31 / length in days). A stopped renewal counts until its paid period ends (a refunded one stops at the refund); gifts, family members and one-off purchases are not counted.";
