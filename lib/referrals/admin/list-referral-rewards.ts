import "server-only";
import { and, count, desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { referralPrograms, referralRewards, referrals, users } from "@/lib/db/schema";

/**
 * A page of rewards, newest first: who got what for which referral, whether it is held, granted or taken back (and
 * why a clawback took it or kept it), and the total.
 */
export async function listReferralRewards(
  db: Db,
  options: { userId?: number; referralId?: number; limit: number; offset: number },
) {
  const where = and(
    options.userId === undefined ? undefined : eq(referralRewards.userId, options.userId),
    options.referralId === undefined
      ? undefined
      : eq(referralRewards.referralId, options.referralId),
  );
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: referralRewards.id,
        referralId: referralRewards.referralId,
        userId: referralRewards.userId,
        userEmail: users.email,
        role: referralRewards.role,
        rewardType: referralRewards.rewardType,
        description: referralRewards.description,
        subscriptionId: referralRewards.subscriptionId,
        discountCodeId: referralRewards.discountCodeId,
        status: referralRewards.status,
        grantAt: referralRewards.grantAt,
        clawedBackAt: referralRewards.clawedBackAt,
        clawbackReason: referralRewards.clawbackReason,
        referredEmail: referrals.referredEmail,
        programName: referralPrograms.name,
        createdAt: referralRewards.createdAt,
      })
      .from(referralRewards)
      .innerJoin(users, eq(users.id, referralRewards.userId))
      .innerJoin(referrals, eq(referrals.id, referralRewards.referralId))
      .innerJoin(referralPrograms, eq(referralPrograms.id, referrals.programId))
      .where(where)
      .orderBy(desc(referralRewards.createdAt), desc(referralRewards.id))
      .limit(options.limit)
      .offset(options.offset),
    db.select({ total: count() }).from(referralRewards).where(where),
  ]);
  return { rows, total: totals?.total ?? 0 };
}

export type ReferralRewardRow = Awaited<ReturnType<typeof listReferralRewards>>["rows"][number];
