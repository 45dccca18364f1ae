import "server-only";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { customerActor } from "@/lib/auth/actor";
import { readFamilySeatsMeta } from "@/lib/family/family-seats-meta";
import { refreshFamilySeatsPayment } from "@/lib/family/refresh-family-seats-payment";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { lockUsers } from "@/lib/db/lock-order";
import {
  paymentItems,
  payments,
  recurrentPayments,
  subscriptions,
  subscriptionUpgrades,
  type Payment,
  type Subscription,
} from "@/lib/db/schema";
import { AppError, conflict, invalid, notFound } from "@/lib/errors";
import { assertNoChargeInFlight } from "@/lib/upgrades/assert-no-charge-in-flight";
import { refreshUpgradePayment } from "@/lib/upgrades/refresh-upgrade-payment";
import { beginCharge } from "./begin-charge";
import { absoluteCheckoutUrl, gatewayCurrency, loadGatewayCustomer } from "./gateway-request-parts";
import { getGateway, isChargeableGateway } from "./gateways";
import type { GatewayOutcome } from "./gateways/gateway";
import { markPaymentPaid } from "./mark-payment-paid";
import { settlePayment } from "./settle-payment";

export interface PayPaymentOptions {
  paymentId: number;
  /** The payer: only their own payment is found (ownership in the query). */
  userId: number;
  /** The card token a token gateway's checkout collected (the demo gateway's `tok_visa`); redirect gateways need none. */
  cardToken?: string;
  /** The amount the customer was shown: a payment whose amount changed since (a code applied or removed in another tab) is not charged. */
  expectedAmountCents?: number;
  /** A renewal paid again by the customer: charge the card their renewals use, off-session, instead of a new one. */
  useSavedCard?: boolean;
}

export type PayResult =
  | { status: "paid"; payment: Payment; subscription: Subscription | null }
  /** The customer pays on the gateway's page (Stripe Checkout): send them to `url`. */
  | { status: "redirect"; payment: Payment; url: string }
  /** The gateway has not settled it yet (no answer, or the bank wants a confirmation); it settles by webhook or reconciliation. */
  | { status: "pending"; payment: Payment };

/**
 * The checkout: pay one of the customer's unpaid payments through its gateway, in three steps — (1) a transaction
 * with the payment row locked checks it is payable at the amount shown and marks it `pending` with a new charge
 * attempt (a double submit finds it pending and is refused before any charge); (2) the gateway is called with that
 * attempt's idempotency key and no transaction open; (3) settlePayment records the answer. Paid creates the
 * subscription (and the recurrent payment when the customer chose automatic renewal); a decline makes the payment
 * payable again with the reason (`payment_declined`, 402).
 */
export async function payPayment(db: Db, options: PayPaymentOptions): Promise<PayResult> {
  const payment = await loadPayable(db, options);
  // An upgrade's price follows the days left: re-check it before charging (this updates the amount when it moved,
  // in its own transaction, and throws so the customer sees the new price before paying it).
  if (payment.upgradeType === "paid_extend") {
    await refreshUpgradePayment(db, { paymentId: payment.id, userId: options.userId });
  }
  // Extra family seats are priced for the days the family has left, which fall while the payment waits.
  if (readFamilySeatsMeta(payment.meta)) {
    await refreshFamilySeatsPayment(db, { paymentId: payment.id, userId: options.userId });
  }
  const gateway = getGateway(payment.gateway);
  if (
    gateway.checkoutMode === "token" &&
    !options.cardToken &&
    !options.useSavedCard &&
    payment.amountCents > 0
  ) {
    throw invalid("card_token_required", "Choose a card.");
  }
  const savedCard = options.useSavedCard ? await findSavedCardOfRenewal(db, payment) : null;

  const begun = await db.transaction(async (tx) => {
    // lib/db/LOCK-ORDER.md: the payer first; paying an upgrade also checks the payer's base subscription.
    await lockUsers(tx, [options.userId]);
    const locked = await loadPayable(tx, options, { lock: true });
    if (locked.upgradeType !== null) {
      await assertNoChargeInFlight(tx, options.userId);
      await assertUpgradeStillPayable(tx, locked);
    }
    if (locked.recurrentPaymentId !== null) await assertRenewalStillPayable(tx, locked);
    if (locked.meta.referral_welcome_discount) await assertWelcomeDiscountUnused(tx, locked);
    if (
      options.expectedAmountCents !== undefined &&
      options.expectedAmountCents !== locked.amountCents
    ) {
      throw conflict(
        "payment_amount_changed",
        "The amount to pay changed since this page was shown; check it and pay again.",
      );
    }
    // Nothing to charge (a 100% discount): paid at once, without a gateway. No card is saved, so it does not renew.
    if (locked.amountCents === 0)
      return {
        free: await markPaymentPaid(tx, {
          paymentId: locked.id,
          actor: customerActor(options.userId),
        }),
      };
    if (!savedCard) return beginCharge(tx, locked);
    // Off-session on the saved card: reconciliation may need to send the same request again.
    const [described] = await tx
      .update(payments)
      .set({ meta: { ...locked.meta, charged_card_token: savedCard.cardToken } })
      .where(eq(payments.id, locked.id))
      .returning();
    return beginCharge(tx, described ?? locked);
  });
  if ("free" in begun)
    return { status: "paid", payment: begun.free.payment, subscription: begun.free.subscription };

  const charge = {
    paymentId: begun.payment.id,
    idempotencyKey: begun.idempotencyKey,
    amountCents: begun.payment.amountCents,
    currency: gatewayCurrency(),
    description: await describePayment(db, begun.payment),
    customer: await loadGatewayCustomer(db, begun.payment.userId),
  };
  let outcome: GatewayOutcome;
  try {
    outcome = savedCard
      ? await gateway.chargeSavedCard(
          {
            ...charge,
            cardToken: savedCard.cardToken,
            confirmUrl: absoluteCheckoutUrl(charge.paymentId),
          },
          { db },
        )
      : await gateway.startPayment(
          {
            ...charge,
            saveCard:
              begun.payment.recurrentCardToken !== null ||
              begun.payment.meta.renew_automatically === true,
            cardToken: options.cardToken,
            returnUrl: absoluteCheckoutUrl(charge.paymentId, "?returned=1"),
            cancelUrl: absoluteCheckoutUrl(charge.paymentId, "?cancelled=1"),
          },
          { db },
        );
  } catch (error) {
    // No answer: the payment stays pending; reconciliation asks the gateway by the same key and settles it once.
    console.warn(
      `checkout charge of payment ${begun.payment.id} got no answer from the gateway; left for reconciliation`,
      error,
    );
    return { status: "pending", payment: begun.payment };
  }

  const settled = await settlePayment(db, {
    paymentId: begun.payment.id,
    outcome,
    attempt: begun.payment.chargeAttempt,
  });
  switch (settled.status) {
    case "paid":
      return { status: "paid", payment: settled.payment, subscription: settled.subscription };
    case "declined":
      throw new AppError("payment_declined", settled.reason, 402, {
        payment_id: settled.payment.id,
      });
    case "pending":
      return settled.redirectUrl && settled.action === "checkout"
        ? { status: "redirect", payment: settled.payment, url: settled.redirectUrl }
        : { status: "pending", payment: settled.payment };
    case "abandoned":
    case "already_settled":
      return { status: "pending", payment: settled.payment };
  }
}

async function describePayment(db: Db, payment: Payment): Promise<string> {
  const [item] = await db
    .select({ name: paymentItems.name })
    .from(paymentItems)
    .where(eq(paymentItems.paymentId, payment.id))
    .orderBy(asc(paymentItems.id))
    .limit(1);
  return item?.name ?? `Payment ${payment.id}`;
}

/**
 * In the charge's transaction, before the gateway, with the payer's row locked (upgrades of one user run one at a
 * time, as applyUpgrade does): the pending upgrade's base must still be running. Two tabs paying two upgrades of one
 * base thus charge once: while the first is being charged the second is refused (assertNoChargeInFlight), and once it
 * is paid the second finds the base ended by it.
 */
async function assertUpgradeStillPayable(tx: Db, payment: Payment): Promise<void> {
  const [row] = await tx
    .select({ baseEndAt: subscriptions.endAt })
    .from(subscriptionUpgrades)
    .innerJoin(subscriptions, eq(subscriptions.id, subscriptionUpgrades.baseSubscriptionId))
    .where(
      and(
        eq(subscriptionUpgrades.paymentId, payment.id),
        eq(subscriptionUpgrades.userId, payment.userId),
        eq(subscriptionUpgrades.status, "pending"),
      ),
    );
  if (!row || row.baseEndAt.getTime() <= now().getTime()) {
    throw conflict(
      "upgrade_not_available",
      "This upgrade is no longer available; your subscription changed since you chose it.",
    );
  }
}

/**
 * In the charge's transaction, with the payer's row and then the payment's locked (lib/db/LOCK-ORDER.md: payments
 * before recurrent payments): a renewal payment the customer pays themselves (reopened after it failed) must still be
 * its renewal's current payment. Once a scheduled retry charged a newer one for the same period, paying this one too
 * would pay that period twice.
 */
async function assertRenewalStillPayable(tx: Db, payment: Payment): Promise<void> {
  const [recurrent] = await tx
    .select({ paymentId: recurrentPayments.paymentId, state: recurrentPayments.state })
    .from(recurrentPayments)
    .where(eq(recurrentPayments.id, payment.recurrentPaymentId ?? 0))
    .for("no key update");
  const current =
    recurrent?.paymentId === payment.id &&
    (recurrent.state === "active" || recurrent.state === "charge_failed");
  if (!current)
    throw conflict(
      "payment_not_retryable",
      "This renewal was replaced by a newer one; pay that one instead.",
    );
}

/**
 * In the charge's transaction, with the payer's row locked: the referred friend's welcome discount is for their first
 * payment only. Every purchase they start before paying carries it (any of them may be the first), so the one paid
 * first spends it; once one is being charged or was paid, the others are refused, to be bought again at full price.
 */
async function assertWelcomeDiscountUnused(tx: Db, payment: Payment): Promise<void> {
  const [other] = await tx
    .select({ id: payments.id })
    .from(payments)
    .where(
      and(
        eq(payments.userId, payment.userId),
        ne(payments.id, payment.id),
        inArray(payments.status, ["pending", "paid", "refund"]),
      ),
    )
    .limit(1);
  if (other)
    throw conflict(
      "referral_discount_used",
      "Your referral discount was for your first payment, which you have made; start this purchase again to buy at the full price.",
    );
}

async function loadPayable(db: Db, options: PayPaymentOptions, { lock = false } = {}) {
  const query = db
    .select()
    .from(payments)
    .where(and(eq(payments.id, options.paymentId), eq(payments.userId, options.userId)));
  const [payment] = lock ? await query.for("no key update") : await query;
  if (!payment) throw notFound("payment_not_found", "No such payment.");
  if (payment.status === "pending") {
    throw conflict(
      "payment_in_progress",
      "This payment is being processed; wait a moment and reload the page.",
    );
  }
  if (payment.status !== "form") {
    throw conflict(
      "payment_wrong_status",
      payment.status === "paid"
        ? "This payment is already paid."
        : "This payment can no longer be paid.",
    );
  }
  if (!isChargeableGateway(payment.gateway)) {
    throw conflict("gateway_not_chargeable", "This payment is not paid by card here.");
  }
  return payment;
}

/** The card a renewal payment's recurrent payment charges (the customer's own, ownership in the query). */
async function findSavedCardOfRenewal(db: Db, payment: Payment): Promise<{ cardToken: string }> {
  const [recurrent] = payment.recurrentPaymentId
    ? await db
        .select({ cardToken: recurrentPayments.cardToken, gateway: recurrentPayments.gateway })
        .from(recurrentPayments)
        .where(
          and(
            eq(recurrentPayments.id, payment.recurrentPaymentId),
            eq(recurrentPayments.userId, payment.userId),
          ),
        )
    : [];
  if (!recurrent || recurrent.gateway !== payment.gateway) {
    throw invalid("saved_card_missing", "There is no saved card for this payment; choose a card.");
  }
  return { cardToken: recurrent.cardToken };
}
