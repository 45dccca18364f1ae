import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import {
  discountCodes,
  referralRewards,
  referrals,
  type DiscountCode,
  type Referral,
  type ReferralReward,
} from "@/lib/db/schema";
import { listUnusedDiscountCodes } from "./discounts/list-unused-discount-codes";

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
export async function listUserReferrals(
  db: Db,
  options: { userId: number },
): Promise<UserReferrals> {
  const [referralRows, rewardRows, codeRows] = await Promise.all([
    db
      .select()
      .from(referrals)
      .where(eq(referrals.referrerUserId, options.userId))
      .orderBy(desc(referrals.createdAt), desc(referrals.id)),
    db
      .select({ reward: referralRewards, discountCode: discountCodes })
      .from(referralRewards)
      .leftJoin(
        discountCodes,
        and(
          eq(discountCodes.id, referralRewards.discountCodeId),
          eq(discountCodes.userId, options.userId),
        ),
      )
      .where(eq(referralRewards.userId, options.userId))
      .orderBy(desc(referralRewards.createdAt), desc(referralRewards.id)),
    listUnusedDiscountCodes(db, options.userId),
  ]);
  return { referrals: referralRows, rewards: rewardRows, unusedDiscountCodes: codeRows };
}
