import "server-only";
import { and, eq } from "drizzle-orm";
import { addDays, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { payments, recurrentPayments, subscriptionTypes, type Payment, type Subscription } from "@/lib/db/schema";
import { recordEvent } from "@/lib/events/record-event";
import { createPayment } from "@/lib/payments/create-payment";
import { getGateway, toGatewayCode } from "@/lib/payments/gateways";
import { markPaymentPaid } from "@/lib/payments/mark-payment-paid";
import { createRecurrentPayment } from "./create-recurrent-payment";
import { applyDiscountToRenewal, releaseDiscountOfFailedPayment } from "@/lib/referrals/discounts/apply-discount-to-renewal";

/** After a decline the charge is tried again after 1, 2, then 3 days; the fourth decline ends the chain. */
export const CHARGE_RETRY_DAYS = [1, 2, 3] as const;
export const DEFAULT_MAX_FAILED_CHARGES = CHARGE_RETRY_DAYS.length + 1;

export type ChargeOutcome =
  | { status: "charged"; payment: Payment; subscription: Subscription | null; nextRecurrentPaymentId: number }
  | { status: "declined"; payment: Payment; reason: string; final: boolean }
  | { status: "skipped"; reason: "not_active" | "locked" };

/**
 * Charge one recurrent payment through its gateway. The row is locked (SKIP LOCKED) for the whole charge, so two
 * overlapping runs never charge one period twice: the second sees `locked`, or `not_active` once the first is done.
 * Success pays a new payment (creating the next subscription) and moves the chain on; a decline records a failed
 * payment and, after `maxFailedCharges`, stops the chain as `charge_failed`.
 */
export async function chargeRecurrentPayment(
  db: Db,
  options: { recurrentPaymentId: number; maxFailedCharges?: number },
): Promise<ChargeOutcome> {
  return db.transaction(async (tx) => {
    const [recurrent] = await tx
      .select()
      .from(recurrentPayments)
      .where(eq(recurrentPayments.id, options.recurrentPaymentId))
      .for("update", { skipLocked: true });
    if (!recurrent) {
      const [exists] = await tx
        .select({ id: recurrentPayments.id })
        .from(recurrentPayments)
        .where(eq(recurrentPayments.id, options.recurrentPaymentId));
      return { status: "skipped", reason: exists ? "locked" : "not_active" };
    }
    if (recurrent.state !== "active") return { status: "skipped", reason: "not_active" };

    const typeId = recurrent.nextSubscriptionTypeId ?? recurrent.subscriptionTypeId;
    const [type] = await tx.select().from(subscriptionTypes).where(eq(subscriptionTypes.id, typeId));
    if (!type) throw new Error(`subscription type ${typeId} vanished`);
    const { payment: created } = await createPayment(tx, {
      userId: recurrent.userId,
      gateway: toGatewayCode(recurrent.gateway),
      items: [{ subscriptionTypeCode: type.code, amountCents: recurrent.customAmountCents ?? type.priceCents }],
      meta: { recurrent_payment_id: recurrent.id },
    });
    await tx.update(payments).set({ recurrentPaymentId: recurrent.id }).where(eq(payments.id, created.id));
    const discounted = await applyDiscountToRenewal(tx, { userId: recurrent.userId, paymentId: created.id });
    const charged = discounted?.payment ?? created;

    const result = await getGateway(recurrent.gateway).charge({
      cardToken: recurrent.cardToken,
      amountCents: charged.amountCents,
      paymentId: created.id,
      description: `${type.name} renewal`,
    });
    const at = now();

    if (result.ok) {
      const paid = await markPaymentPaid(tx, { paymentId: created.id, skipRecurrentSetup: true });
      await tx
        .update(payments)
        .set({ meta: { ...charged.meta, transaction_id: result.transactionId } })
        .where(eq(payments.id, created.id));
      await tx
        .update(recurrentPayments)
        .set({ state: "charged", paymentId: created.id, updatedAt: at })
        .where(eq(recurrentPayments.id, recurrent.id));
      const next = await createRecurrentPayment(tx, {
        parentPaymentId: created.id,
        cardToken: recurrent.cardToken,
        customAmountCents: recurrent.customAmountCents,
        expiresAt: recurrent.expiresAt,
      });
      await recordEvent(tx, {
        name: "recurrent_payment.renewed",
        userId: recurrent.userId,
        payload: {
          recurrent_payment_id: recurrent.id,
          next_recurrent_payment_id: next.id,
          payment_id: created.id,
          subscription_id: paid.subscription?.id ?? null,
          amount_cents: charged.amountCents,
        },
      });
      return { status: "charged", payment: paid.payment, subscription: paid.subscription, nextRecurrentPaymentId: next.id };
    }

    const [failed] = await tx
      .update(payments)
      .set({ status: "fail", failureReason: result.reason, updatedAt: at })
      .where(and(eq(payments.id, created.id)))
      .returning();
    if (!failed) throw new Error("update returned no row");
    await releaseDiscountOfFailedPayment(tx, created.id);
    const failedAttempts = recurrent.failedAttempts + 1;
    const final = failedAttempts >= (options.maxFailedCharges ?? DEFAULT_MAX_FAILED_CHARGES);
    await tx
      .update(recurrentPayments)
      .set({
        failedAttempts,
        lastFailureReason: result.reason,
        paymentId: created.id,
        state: final ? "charge_failed" : "active",
        nextAttemptAt: final ? null : addDays(at, CHARGE_RETRY_DAYS[Math.min(failedAttempts, CHARGE_RETRY_DAYS.length) - 1] ?? 1),
        updatedAt: at,
      })
      .where(eq(recurrentPayments.id, recurrent.id));
    if (final) {
      await recordEvent(tx, {
        name: "recurrent_payment.state_changed",
        userId: recurrent.userId,
        payload: { recurrent_payment_id: recurrent.id, state: "charge_failed", previous_state: "active", reason: result.code },
      });
    }
    return { status: "declined", payment: failed, reason: result.reason, final };
  });
}
