import "server-only";
import { asc, desc, eq, getTableColumns, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { referralPrograms, referrals, type ReferralProgram } from "@/lib/db/schema";

export type ReferralProgramListRow = ReferralProgram & {
  referralCount: number;
  pendingCount: number;
  completeCount: number;
};

/** Every program, the default first, then by name, with how many referrals it holds (all, pending, complete). */
export async function listReferralPrograms(db: Db): Promise<ReferralProgramListRow[]> {
  return db
    .select({
      ...getTableColumns(referralPrograms),
      referralCount: sql<number>`count(${referrals.id})::int`,
      pendingCount: sql<number>`(count(${referrals.id}) filter (where ${referrals.status} = 'pending'))::int`,
      completeCount: sql<number>`(count(${referrals.id}) filter (where ${referrals.status} = 'complete'))::int`,
    })
    .from(referralPrograms)
    .leftJoin(referrals, eq(referrals.programId, referralPrograms.id))
    .groupBy(referralPrograms.id)
    .orderBy(desc(referralPrograms.isDefault), asc(referralPrograms.name));
}

/** One program by id, or null. */
export async function findReferralProgram(db: Db, id: number): Promise<ReferralProgram | null> {
  const [program] = await db
    .select()
    .from(referralPrograms)
    .where(eq(referralPrograms.id, id))
    .limit(1);
  return program ?? null;
}
