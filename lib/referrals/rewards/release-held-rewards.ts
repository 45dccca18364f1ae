import "server-only";
import { and, asc, eq, inArray, lte, min } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { payments, referralRewards, referrals } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { lockReferralPeople } from "../lock-referral-people";
import { grantReward, rewardFailed } from "./grant-reward";
import { heldDetailSchema, REFUNDED_WHILE_HELD } from "./hold-reward";

/** What one release did to a referral's held rewards. */
export type ReleaseOutcome = "released" | "clawed_back" | "error" | "skipped";

export interface ReleaseSummary {
  released: number;
  clawedBack: number;
  failed: number;
}

/** Referrals per cron run: the rest are due next hour (each is its own transaction). */
const RELEASE_BATCH = 200;

/**
 * The hourly cron's service: grant every held reward whose `grant_at` has passed, one referral per transaction.
 * Referrals in `error` (a release that failed) wait for an admin's retry rather than failing again every hour.
 */
export async function releaseHeldRewards(
  db: Db,
  options: { limit?: number } = {},
): Promise<ReleaseSummary> {
  const due = await db
    .select({ referralId: referralRewards.referralId })
    .from(referralRewards)
    .innerJoin(referrals, eq(referrals.id, referralRewards.referralId))
    .where(
      and(
        eq(referralRewards.status, "held"),
        lte(referralRewards.grantAt, now()),
        eq(referrals.status, "complete"),
      ),
    )
    .groupBy(referralRewards.referralId)
    .orderBy(asc(min(referralRewards.grantAt)), asc(referralRewards.referralId))
    .limit(options.limit ?? RELEASE_BATCH);
  const summary: ReleaseSummary = { released: 0, clawedBack: 0, failed: 0 };
  for (const { referralId } of due) {
    const outcome = await db.transaction((tx) => releaseReferralRewards(tx, referralId));
    if (outcome === "released") summary.released++;
    else if (outcome === "clawed_back") summary.clawedBack++;
    else if (outcome === "error") summary.failed++;
  }
  return summary;
}

/**
 * Grant a referral's due held rewards inside the caller's transaction; `retry` (an admin's retry of a referral a
 * release left in `error`) grants every held reward and completes the referral again.
 *
 * Lock order (lib/db/LOCK-ORDER.md), as recordRefund's: the two people in id order, then the friend's qualifying
 * payment (shared, so it cannot be refunded while the rewards are granted: a refund waits and then takes back what
 * was granted), the referral, its reward rows, and what the grants change. A payment that is no longer paid (or is
 * gone) means the rewards are taken back instead of granted. A reward that cannot be granted rolls back every grant
 * of the referral and leaves it `error` with the reason, as a grant at completion does.
 */
export async function releaseReferralRewards(
  tx: Db,
  referralId: number,
  options: { retry?: boolean } = {},
): Promise<ReleaseOutcome> {
  const at = now();
  const byId = eq(referrals.id, referralId);
  await lockReferralPeople(tx, byId);
  const [unlocked] = await tx
    .select({ paymentId: referrals.triggerPaymentId })
    .from(referrals)
    .where(byId);
  if (!unlocked) return "skipped";
  const [payment] =
    unlocked.paymentId === null
      ? []
      : await tx
          .select({ status: payments.status })
          .from(payments)
          .where(eq(payments.id, unlocked.paymentId))
          .for("share");
  const [referral] = await tx.select().from(referrals).where(byId).for("no key update");
  if (!referral || referral.status !== (options.retry ? "error" : "complete")) return "skipped";
  const held = await tx
    .select()
    .from(referralRewards)
    .where(
      and(
        eq(referralRewards.referralId, referral.id),
        eq(referralRewards.status, "held"),
        options.retry ? undefined : lte(referralRewards.grantAt, at),
      ),
    )
    .orderBy(asc(referralRewards.id))
    .for("no key update");
  if (held.length === 0) return "skipped";

  if (payment?.status !== "paid") {
    await tx
      .update(referralRewards)
      .set({
        status: "clawed_back",
        clawedBackAt: at,
        clawbackReason: payment ? REFUNDED_WHILE_HELD : "the friend's payment is gone",
      })
      .where(
        inArray(
          referralRewards.id,
          held.map((reward) => reward.id),
        ),
      );
    if (options.retry)
      await tx
        .update(referrals)
        .set({ status: "complete", errorReason: null, updatedAt: at })
        .where(eq(referrals.id, referral.id));
    return "clawed_back";
  }

  try {
    await tx.transaction(async (savepoint) => {
      for (const reward of held) {
        const stored = heldDetailSchema.safeParse(reward.detail);
        if (!stored.success)
          throw rewardFailed(
            "reward_held_unreadable",
            `The held reward #${reward.id} no longer says what to grant.`,
          );
        const granted = await grantReward(savepoint, reward.userId, stored.data.held);
        await savepoint
          .update(referralRewards)
          .set({
            status: "granted",
            description: granted?.description ?? reward.description,
            detail: { ...granted?.detail, held_until: reward.grantAt?.toISOString() ?? null },
            subscriptionId: granted?.subscriptionId ?? null,
            discountCodeId: granted?.discountCodeId ?? null,
          })
          .where(eq(referralRewards.id, reward.id));
      }
      if (options.retry) {
        await savepoint
          .update(referrals)
          .set({ status: "complete", errorReason: null, updatedAt: at })
          .where(eq(referrals.id, referral.id));
      }
    });
    return "released";
  } catch (error) {
    if (!isAppError(error)) throw error;
    await tx
      .update(referrals)
      .set({ status: "error", errorReason: error.message, updatedAt: at })
      .where(eq(referrals.id, referral.id));
    return "error";
  }
}
