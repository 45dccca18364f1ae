import "server-only";
import { count, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { referrals, referralStatus, type ReferralStatus } from "@/lib/db/schema";

export type ReferralCounts = Record<ReferralStatus, number> & { flagged: number };

/** Referrals by status, and how many wait for review: the admin page's summary line. */
export async function countReferrals(db: Db): Promise<ReferralCounts> {
  const rows = await db
    .select({
      status: referrals.status,
      n: count(),
      flagged: sql<number>`(count(*) filter (where ${referrals.review} = 'flagged'))::int`,
    })
    .from(referrals)
    .groupBy(referrals.status);
  const counts = Object.fromEntries(
    referralStatus.enumValues.map((status) => [status, 0]),
  ) as ReferralCounts;
  counts.flagged = 0;
  for (const row of rows) {
    counts[row.status] = row.n;
    counts.flagged += row.flagged;
  }
  return counts;
}
