import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { referralRewards, referrals, type ReferralReward } from "@/lib/db/schema";
import { voidDiscountCode } from "../discounts/void-discount-code";
import { REFUNDED_WHILE_HELD } from "./hold-reward";
import { takeBackFreeDays, type ClawbackVerdict } from "./take-back-free-days";

export interface ClawbackSummary {
  takenBack: number;
  kept: number;
}

/**
 * The friend's qualifying payment was refunded: take back the rewards of the referrals it completed. Called inside
 * recordRefund's transaction with the payment locked and already `refund`, before its subscription stops (so free
 * days the friend got on that subscription are still ahead and come off). A held reward was never granted: it is
 * `clawed_back`. A granted one is taken back while unused (free days not lived through, a code not spent); a used one
 * is kept, and `clawback_reason` says why. The referral stays `complete`: the friend did what was asked.
 *
 * Lock order: recordRefund holds both people of each referral (lib/db/LOCK-ORDER.md), and the payment; then the
 * referrals in id order, their reward rows, and per reward what it touched — the subscription, or the payment a code
 * is on and then the code.
 */
export async function clawBackReferralRewards(tx: Db, paymentId: number): Promise<ClawbackSummary> {
  const summary: ClawbackSummary = { takenBack: 0, kept: 0 };
  const completed = await tx
    .select({ id: referrals.id })
    .from(referrals)
    .where(eq(referrals.triggerPaymentId, paymentId))
    .orderBy(asc(referrals.id))
    .for("no key update");
  if (completed.length === 0) return summary;
  const rewards = await tx
    .select()
    .from(referralRewards)
    .where(
      inArray(
        referralRewards.referralId,
        completed.map((referral) => referral.id),
      ),
    )
    .orderBy(asc(referralRewards.id))
    .for("no key update");
  const at = now();
  for (const reward of rewards) {
    const verdict = await clawBackReward(tx, reward);
    if (!verdict) continue;
    await tx
      .update(referralRewards)
      .set(
        verdict.takenBack
          ? { status: "clawed_back", clawedBackAt: at, clawbackReason: verdict.reason }
          : { clawbackReason: verdict.reason },
      )
      .where(eq(referralRewards.id, reward.id));
    if (verdict.takenBack) summary.takenBack++;
    else summary.kept++;
  }
  return summary;
}

async function clawBackReward(tx: Db, reward: ReferralReward): Promise<ClawbackVerdict | null> {
  if (reward.status === "clawed_back") return null;
  if (reward.status === "held") return { takenBack: true, reason: REFUNDED_WHILE_HELD };
  switch (reward.rewardType) {
    case "free_days":
      return takeBackFreeDays(tx, reward);
    case "discount":
      return takeBackDiscount(tx, reward);
    default:
      return {
        takenBack: false,
        reason: `kept: a ${reward.rewardType} reward cannot be taken back`,
      };
  }
}

async function takeBackDiscount(tx: Db, reward: ReferralReward): Promise<ClawbackVerdict> {
  // The friend's welcome discount came off the refunded payment itself: the refund already settled it.
  if (reward.discountCodeId === null)
    return {
      takenBack: false,
      reason: "kept: the discount was taken off the refunded payment itself",
    };
  const outcome = await voidDiscountCode(tx, reward.discountCodeId);
  if (outcome.voided)
    return {
      takenBack: true,
      reason: `the friend's payment was refunded, so code ${outcome.code.code} was voided`,
    };
  switch (outcome.why) {
    case "used":
      return {
        takenBack: false,
        reason: `kept: code ${outcome.code.code} was already used${outcome.paymentId ? ` on payment #${outcome.paymentId}` : ""}`,
      };
    case "charging":
      return {
        takenBack: false,
        reason: `kept: code ${outcome.code.code} is on payment #${outcome.paymentId}, which is being charged`,
      };
    case "missing":
      return { takenBack: false, reason: "kept: the code is gone" };
  }
}
