import "server-only";
import { and, eq, inArray, isNull, lt, lte } from "drizzle-orm";
import { DAY_MS, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { referrals, userSightings } from "@/lib/db/schema";

/**
 * Pending referrals past their program's timeout become `expired`. One whose trigger already fired and is waiting
 * for review is left to the reviewer: the friend did what was asked in time. A sweep across users (lib/db/LOCK-ORDER.md):
 * a referral another transaction holds (a trigger firing for it right now) is skipped, not waited for; the next
 * run sees it again if it is still pending.
 */
export async function expireReferrals(db: Db): Promise<number> {
  const at = now();
  const due = db
    .select({ id: referrals.id })
    .from(referrals)
    .where(
      and(
        eq(referrals.status, "pending"),
        lte(referrals.expiresAt, at),
        isNull(referrals.triggeredAt),
      ),
    )
    .for("no key update", { skipLocked: true });
  const expired = await db
    .update(referrals)
    .set({ status: "expired", updatedAt: at })
    .where(inArray(referrals.id, due))
    .returning({ id: referrals.id });
  return expired.length;
}

/** The longest review window a program can have (lib/referrals/schemas.ts): older sightings can never flag anyone. */
const SIGHTING_RETENTION_DAYS = 365;

/** Forget sightings no program can look at any more. */
export async function pruneSightings(db: Db): Promise<number> {
  const cutoff = new Date(now().getTime() - SIGHTING_RETENTION_DAYS * DAY_MS);
  const pruned = await db
    .delete(userSightings)
    .where(lt(userSightings.seenAt, cutoff))
    .returning({ id: userSightings.id });
  return pruned.length;
}
