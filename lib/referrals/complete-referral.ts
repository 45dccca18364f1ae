import "server-only";
import { and, count, eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { lockUsers } from "@/lib/db/lock-order";
import {
  payments,
  referralRewards,
  referrals,
  type Referral,
  type ReferralProgram,
  type RegistryChoice,
} from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { lockReferralPeople } from "./lock-referral-people";
import { findProgram } from "./referral-rules";
import { grantReward, type GrantedReward } from "./rewards/grant-reward";
import { holdReward, rewardGrantAt } from "./rewards/hold-reward";
import type { ReferralTriggerType } from "./triggers";

export type ReferralOutcome =
  /** The program does not listen to this trigger. */
  | "not_triggered"
  /** A constraint does not hold for this firing (say the payment is below the minimum); still pending. */
  | "constraint_failed"
  /** Past its timeout: now expired. */
  | "expired"
  /** Flagged by the fraud guard: the firing is kept until an admin approves or rejects it. */
  | "held"
  | "complete"
  | "error";

export interface TriggerFiring {
  trigger: ReferralTriggerType;
  /** For `first_payment`: the paid payment. */
  paymentId?: number | null;
  /** When the friend acted (the event's time); now when omitted. */
  occurredAt?: Date;
}

/**
 * A trigger fired for `userId` (the referred friend): evaluate their pending referral. Null when they have none.
 * One transaction with both people's rows and then the referral's locked (lib/db/LOCK-ORDER.md), so a replayed or
 * concurrent firing completes it once.
 */
export async function evaluateReferralTrigger(
  db: Db,
  options: { userId: number } & TriggerFiring,
): Promise<{ referralId: number; outcome: ReferralOutcome } | null> {
  return db.transaction(async (tx) => {
    const theirs = eq(referrals.referredUserId, options.userId);
    await lockReferralPeople(tx, theirs);
    const [referral] = await tx.select().from(referrals).where(theirs).for("no key update");
    if (!referral || referral.status !== "pending") return null;
    const program = await findProgram(tx, referral.programId);
    if (!program) return null;
    const outcome = await evaluateLocked(tx, referral, program, options);
    return { referralId: referral.id, outcome };
  });
}

async function evaluateLocked(
  tx: Db,
  referral: Referral,
  program: ReferralProgram,
  firing: TriggerFiring,
): Promise<ReferralOutcome> {
  if (!program.triggers.some((trigger) => trigger.type === firing.trigger)) return "not_triggered";
  // Already fired in time and waiting for review: a later firing (a renewal, say) changes nothing, not even expiry.
  if (referral.review === "flagged" && referral.triggeredAt) return "held";
  const at = now();
  // Expiry is judged by when the friend acted, not by when the event was processed (outbox delay, retries).
  const firedAt = firing.occurredAt ?? at;
  if (referral.expiresAt && referral.expiresAt.getTime() <= firedAt.getTime()) {
    await tx
      .update(referrals)
      .set({ status: "expired", updatedAt: at })
      .where(eq(referrals.id, referral.id));
    return "expired";
  }
  if (!(await constraintsHold(tx, referral, program, firing))) return "constraint_failed";
  if (!(await triggerPaymentStillPaid(tx, firing.paymentId ?? null))) return "constraint_failed";
  const fired = {
    trigger: firing.trigger,
    triggeredAt: firedAt,
    triggerPaymentId: firing.paymentId ?? null,
  };
  if (referral.review === "flagged") {
    // Keep the firing: approval completes the referral as of it.
    await tx
      .update(referrals)
      .set({ ...fired, updatedAt: at })
      .where(eq(referrals.id, referral.id));
    return "held";
  }
  await tx.update(referrals).set(fired).where(eq(referrals.id, referral.id));
  return grantAndComplete(tx, { ...referral, ...fired }, program);
}

/**
 * Whether the friend's payment that fired a referral (none: a trigger that is no payment) is still paid. Read with
 * both people's rows locked, which a refund locks first too (lib/db/LOCK-ORDER.md), so a refund either came before
 * and is seen here — the refunded payment completes nothing — or waits, and then takes back what this completion
 * granted (clawBackReferralRewards).
 */
export async function triggerPaymentStillPaid(tx: Db, paymentId: number | null): Promise<boolean> {
  if (paymentId === null) return true;
  const [payment] = await tx
    .select({ status: payments.status })
    .from(payments)
    .where(eq(payments.id, paymentId));
  return payment?.status === "paid";
}

/** Every constraint except the timeout (checked first, because it changes the status). */
async function constraintsHold(
  tx: Db,
  referral: Referral,
  program: ReferralProgram,
  firing: TriggerFiring,
): Promise<boolean> {
  for (const constraint of program.constraints) {
    if (constraint.type === "minimum_payment_cents") {
      const minimum = Number(constraint.options.amount_cents);
      if (firing.trigger !== "first_payment" || !firing.paymentId || !referral.referredUserId)
        return false;
      const [payment] = await tx
        .select({ amountCents: payments.amountCents, status: payments.status })
        .from(payments)
        .where(
          and(eq(payments.id, firing.paymentId), eq(payments.userId, referral.referredUserId)),
        );
      if (!payment || payment.status !== "paid" || payment.amountCents < minimum) return false;
    }
  }
  return true;
}

/**
 * Grant the program's rewards for a locked referral whose trigger fired, then set it `complete` and emit
 * `referral.completed`; all or nothing (a savepoint). A reward that cannot be granted rolls back every grant and
 * leaves the referral `error` with the reason. The referrer's row is locked while the cap is counted, so two
 * referrals completing at once cannot both take the last rewarded place. With a hold (program.rewardHoldDays, a
 * referral completed by the friend's payment), the rewards are recorded `held` and granted at `grant_at` by
 * releaseHeldRewards, unless the payment is refunded first (clawBackReferralRewards).
 */
export async function grantAndComplete(
  tx: Db,
  referral: Referral,
  program: ReferralProgram,
): Promise<"complete" | "error"> {
  const at = now();
  const grantAt = rewardGrantAt(program, referral, at);
  try {
    await tx.transaction(async (savepoint) => {
      // Both people's rows before any subscription (lib/db/LOCK-ORDER.md; the callers took them before the referral,
      // so this is free): the referrer's serialises the cap count.
      await lockUsers(savepoint, [
        referral.referrerUserId,
        ...(referral.referredUserId === null ? [] : [referral.referredUserId]),
      ]);
      const capped =
        program.maxRewardsPerReferrer !== null &&
        (await rewardedCount(savepoint, referral)) >= program.maxRewardsPerReferrer;
      const granted: {
        role: "referrer" | "friend";
        userId: number;
        type: string;
        reward: GrantedReward;
        held: boolean;
      }[] = [];
      const earn = (userId: number, choice: RegistryChoice) =>
        grantAt ? holdReward(choice) : grantReward(savepoint, userId, choice);
      if (!capped) {
        const reward = await earn(referral.referrerUserId, program.reward);
        if (reward)
          granted.push({
            role: "referrer",
            userId: referral.referrerUserId,
            type: program.reward.type,
            reward,
            held: grantAt !== null,
          });
      }
      if (program.friendReward && referral.referredUserId) {
        // A welcome discount is already off the payment: there is nothing left to hold.
        const welcome = await welcomeDiscountTaken(savepoint, referral);
        const reward = welcome ?? (await earn(referral.referredUserId, program.friendReward));
        const held = grantAt !== null && welcome === null;
        if (reward)
          granted.push({
            role: "friend",
            userId: referral.referredUserId,
            type: program.friendReward.type,
            reward,
            held,
          });
      }
      if (granted.length > 0) {
        await savepoint.insert(referralRewards).values(
          granted.map(({ role, userId, type, reward, held }) => ({
            referralId: referral.id,
            userId,
            role,
            rewardType: type,
            description: reward.description,
            detail: reward.detail,
            subscriptionId: reward.subscriptionId ?? null,
            discountCodeId: reward.discountCodeId ?? null,
            status: held ? ("held" as const) : ("granted" as const),
            grantAt: held ? grantAt : null,
            createdAt: at,
          })),
        );
      }
      await savepoint
        .update(referrals)
        .set({
          status: "complete",
          completedAt: at,
          rewardCapped: capped,
          errorReason: null,
          updatedAt: at,
        })
        .where(eq(referrals.id, referral.id));
      await recordEvent(savepoint, {
        name: "referral.completed",
        userId: referral.referrerUserId,
        payload: {
          referral_id: referral.id,
          program_id: program.id,
          referred_user_id: referral.referredUserId,
          trigger: referral.trigger,
          reward_capped: capped,
        },
      });
    });
    return "complete";
  } catch (error) {
    if (!isAppError(error)) throw error;
    await tx
      .update(referrals)
      .set({ status: "error", errorReason: error.message, updatedAt: at })
      .where(eq(referrals.id, referral.id));
    return "error";
  }
}

/** Referrals of this referrer in this program that earned the referrer a reward (completed, not capped). */
async function rewardedCount(tx: Db, referral: Referral): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(referrals)
    .where(
      and(
        eq(referrals.referrerUserId, referral.referrerUserId),
        eq(referrals.programId, referral.programId),
        eq(referrals.status, "complete"),
        eq(referrals.rewardCapped, false),
      ),
    );
  return row?.n ?? 0;
}

/**
 * The friend's discount already taken off the payment that completed the referral (a first purchase through the
 * front door, see findWelcomeDiscount): that discount is the friend's reward, and no second code is issued.
 */
async function welcomeDiscountTaken(tx: Db, referral: Referral): Promise<GrantedReward | null> {
  if (!referral.triggerPaymentId || !referral.referredUserId) return null;
  const [payment] = await tx
    .select({ id: payments.id, meta: payments.meta })
    .from(payments)
    .where(
      and(eq(payments.id, referral.triggerPaymentId), eq(payments.userId, referral.referredUserId)),
    );
  const welcome = payment?.meta.referral_welcome_discount as
    { referral_id?: unknown; description?: unknown } | undefined;
  if (!payment || welcome?.referral_id !== referral.id) return null;
  return {
    description: `${typeof welcome.description === "string" ? welcome.description : "A discount"} (taken off the first payment)`,
    detail: {
      applied_to_payment_id: payment.id,
      discount_cents: payment.meta.discount_cents ?? null,
    },
  };
}
