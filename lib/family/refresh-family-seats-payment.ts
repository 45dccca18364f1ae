import "server-only";
import { eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { lockOwnPayment } from "@/lib/payments/lock-own-payment";
import { discountCodes, paymentItems, payments } from "@/lib/db/schema";
import { conflict } from "@/lib/errors";
import { discountAmountCents } from "@/lib/referrals/discounts/discount-amount";
import { familySeatItemName } from "./family-seat-price";
import { FAMILY_SEATS_META_KEY, readFamilySeatsMeta } from "./family-seats-meta";
import { listFamilySeatOffers } from "./list-family-seat-offers";

/**
 * Before a family-seats payment is charged at checkout: price its seats again now. They are priced for the days the
 * master subscription has left, which fall while the payment waits: a master that no longer takes seats (it ended, or
 * its family type changed) → `family_seats_unavailable`; a different price → the payment and its item take the new
 * one (less a discount code bound to it, recomputed) and `payment_amount_changed` asks the customer to look again.
 * Unchanged → nothing happens.
 */
export async function refreshFamilySeatsPayment(
  db: Db,
  options: { paymentId: number; userId: number },
): Promise<void> {
  const changed = await db.transaction(async (tx) => {
    const payment = await lockOwnPayment(tx, options);
    const seats = readFamilySeatsMeta(payment.meta);
    if (!seats || payment.status !== "form") return false;
    const offers = await listFamilySeatOffers(tx, { masterUserId: options.userId });
    const offer = offers.find((o) => o.masterSubscriptionId === seats.master_subscription_id);
    const seatType = offer?.seatTypes.find(
      (t) => t.subscriptionTypeId === seats.subscription_type_id,
    );
    if (!offer || !seatType)
      throw conflict(
        "family_seats_unavailable",
        "This family subscription no longer takes extra seats; nothing was charged.",
      );
    if (seatType.unitPriceCents === seats.unit_price_cents && offer.daysLeft === seats.days_left)
      return false;
    const total = seatType.unitPriceCents * seats.count;
    // A discount code bound to the payment takes its part of the new price, as it did of the old one.
    const [code] = await tx
      .select()
      .from(discountCodes)
      .where(eq(discountCodes.paymentId, payment.id))
      .limit(1);
    const discountCents = code ? discountAmountCents(total, code) : 0;
    await tx
      .update(payments)
      .set({
        amountCents: total - discountCents,
        meta: {
          ...payment.meta,
          [FAMILY_SEATS_META_KEY]: {
            ...seats,
            unit_price_cents: seatType.unitPriceCents,
            days_left: offer.daysLeft,
          },
          ...(code ? { discount_cents: discountCents, amount_before_discount_cents: total } : {}),
        },
        updatedAt: now(),
      })
      .where(eq(payments.id, payment.id));
    await tx
      .update(paymentItems)
      .set({
        amountCents: seatType.unitPriceCents,
        name: familySeatItemName(seatType.name, offer.daysLeft),
      })
      .where(eq(paymentItems.paymentId, payment.id));
    return true;
  });
  if (changed)
    throw conflict(
      "payment_amount_changed",
      "The seats' price changed since this page was shown (fewer days are left); check it and pay again.",
    );
}
