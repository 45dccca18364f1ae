import "server-only";
import { and, eq, gt } from "drizzle-orm";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { lockUsersOf } from "@/lib/db/lock-order";
import {
  payments,
  recurrentPayments,
  referrals,
  subscriptions,
  type Payment,
} from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { familyPeopleOf } from "@/lib/family/family-people-of";
import { recordEvent } from "@/lib/events/record-event";
import { clawBackReferralRewards } from "@/lib/referrals/rewards/claw-back-referral-rewards";
import { assignCreditNoteNumber } from "@/lib/receipts/assign-credit-note-number";
import { stopSubscription } from "@/lib/subscriptions/stop-subscription";

/**
 * Record that a paid payment was refunded (the gateway has given the money back, or it was settled outside Subflow).
 * By default its subscription stops now and the recurrent payment set up from it stops (`system_stop`), and the
 * refund gets its credit note number, all in one transaction. A payment already refunded is returned as it is, so a gateway's refund webhook after our own refund
 * changes nothing.
 */
export async function recordRefund(
  db: Db,
  options: { paymentId: number; stopSubscription?: boolean },
): Promise<Payment> {
  return db.transaction(async (tx) => {
    // lib/db/LOCK-ORDER.md: everyone the refund reaches before the payment, then referrals, subscriptions and codes.
    await lockUsersOf(tx, (reader) => refundPeople(reader, options.paymentId));
    const [locked] = await tx
      .select()
      .from(payments)
      .where(eq(payments.id, options.paymentId))
      .for("no key update");
    if (!locked) throw notFound("payment_not_found", "No such payment.");
    if (locked.status === "refund") return locked;
    if (locked.status !== "paid")
      throw new AppError("payment_wrong_status", "Only a paid payment can be refunded.", 409);
    const at = now();
    const [payment] = await tx
      .update(payments)
      .set({ status: "refund", refundedAt: at, pendingSince: null, updatedAt: at })
      .where(eq(payments.id, locked.id))
      .returning();
    if (!payment) throw new Error("update returned no row");
    // Before the subscription stops: free days a referral reward added to it are still ahead, so they come off.
    await clawBackReferralRewards(tx, payment.id);

    if (options.stopSubscription ?? true) {
      const running = await tx
        .select({ id: subscriptions.id })
        .from(subscriptions)
        .where(and(eq(subscriptions.paymentId, payment.id), gt(subscriptions.endAt, at)));
      // The stop follows from the refund, whoever asked for the refund.
      for (const subscription of running) {
        await stopSubscription(tx, {
          subscriptionId: subscription.id,
          actor: SYSTEM_ACTOR,
          note: `Refund of payment #${payment.id}`,
        });
      }
    }
    const stopped = await tx
      .update(recurrentPayments)
      .set({ state: "system_stop", stoppedAt: at, updatedAt: at })
      .where(
        and(
          eq(recurrentPayments.parentPaymentId, payment.id),
          eq(recurrentPayments.state, "active"),
        ),
      )
      .returning();
    for (const recurrent of stopped) {
      await recordEvent(tx, {
        name: "recurrent_payment.state_changed",
        userId: recurrent.userId,
        payload: {
          recurrent_payment_id: recurrent.id,
          state: recurrent.state,
          previous_state: "active",
          reason: "refund",
        },
      });
    }
    // Last: the credit note counter is the last lock of the transaction (see takeDocumentNumber).
    return assignCreditNoteNumber(tx, payment);
  });
}

/**
 * Whom a refund reaches: the payer, both people of each referral the payment completed (their rewards are taken
 * back), and the families of the payment's subscriptions (stopping a master stops its members).
 */
async function refundPeople(db: Db, paymentId: number): Promise<number[]> {
  const [payment] = await db
    .select({ userId: payments.userId })
    .from(payments)
    .where(eq(payments.id, paymentId));
  if (!payment) return [];
  const completed = await db
    .select({ referrer: referrals.referrerUserId, referred: referrals.referredUserId })
    .from(referrals)
    .where(eq(referrals.triggerPaymentId, paymentId));
  const bought = await db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(eq(subscriptions.paymentId, paymentId));
  return [
    payment.userId,
    ...completed.flatMap((referral) => [
      referral.referrer,
      ...(referral.referred === null ? [] : [referral.referred]),
    ]),
    ...(await familyPeopleOf(
      db,
      bought.map((subscription) => subscription.id),
    )),
  ];
}
