import "server-only";
import { and, desc, eq, gt, isNull, or } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { discountCodes, referralRewards, referrals, type DiscountCode, type Referral, type ReferralReward } from "@/lib/db/schema";

export interface UserReward {
  reward: ReferralReward;
  /** The code a `discount` reward gave, as it is now (used or not). */
  discountCode: DiscountCode | null;
}

export interface UserReferrals {
  /** The referrals the user made, newest first. */
  referrals: Referral[];
  /** Rewards the user earned, as referrer or as the referred friend, newest first. */
  rewards: UserReward[];
  /** The user's discount codes that can still be applied (unused, unexpired), newest first. */
  unusedDiscountCodes: DiscountCode[];
}

/** Everything /account/referrals and `GET /api/v1/referrals` show, each query scoped to the user in its `where`. */
export async function listUserReferrals(db: Db, options: { userId: number }): Promise<UserReferrals> {
  const at = now();
  const [referralRows, rewardRows, codeRows] = await Promise.all([
    db
      .select()
      .from(referrals)
      .where(eq(referrals.referrerUserId, options.userId))
      .orderBy(desc(referrals.createdAt), desc(referrals.id)),
    db
      .select({ reward: referralRewards, discountCode: discountCodes })
      .from(referralRewards)
      .leftJoin(discountCodes, and(eq(discountCodes.id, referralRewards.discountCodeId), eq(discountCodes.userId, options.userId)))
      .where(eq(referralRewards.userId, options.userId))
      .orderBy(desc(referralRewards.createdAt), desc(referralRewards.id)),
    db
      .select()
      .from(discountCodes)
      .where(
        and(
          eq(discountCodes.userId, options.userId),
          isNull(discountCodes.usedAt),
          or(isNull(discountCodes.expiresAt), gt(discountCodes.expiresAt, at)),
        ),
      )
      .orderBy(desc(discountCodes.createdAt), desc(discountCodes.id)),
  ]);
  return { referrals: referralRows, rewards: rewardRows, unusedDiscountCodes: codeRows };
}
