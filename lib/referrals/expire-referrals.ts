import "server-only";
import { and, eq, isNull, lte } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { referrals } from "@/lib/db/schema";

/**
 * Pending referrals past their program's timeout become `expired`. One whose trigger already fired and is waiting
 * for review is left to the reviewer: the friend did what was asked in time.
 */
export async function expireReferrals(db: Db): Promise<number> {
  const at = now();
  const expired = await db
    .update(referrals)
    .set({ status: "expired", updatedAt: at })
    .where(and(eq(referrals.status, "pending"), lte(referrals.expiresAt, at), isNull(referrals.triggeredAt)))
    .returning({ id: referrals.id });
  return expired.length;
}
