import "server-only";
import { countPerBucket } from "@/lib/charts/count-per-bucket";
import type { ChartPoint } from "@/lib/charts/chart-period";
import type { ChartWindow } from "@/lib/charts/chart-window";
import type { Db } from "@/lib/db";
import { referralRewards, referrals } from "@/lib/db/schema";

export type ReferralActivityPoint = ChartPoint<"invitations" | "conversions" | "rewards">;

/**
 * Referral activity per bucket: referrals started (an email invitation or a friend arriving by a referral link),
 * referrals completed, and rewards earned (to referrers and friends, whatever became of them later).
 */
export async function getReferralActivity(
  db: Db,
  window: ChartWindow,
): Promise<ReferralActivityPoint[]> {
  return countPerBucket(db, window, [
    { key: "invitations", table: referrals, column: referrals.createdAt },
    { key: "conversions", table: referrals, column: referrals.completedAt },
    { key: "rewards", table: referralRewards, column: referralRewards.createdAt },
  ]);
}
