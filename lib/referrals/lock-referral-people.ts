import "server-only";
import type { SQL } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { lockUsersOf } from "@/lib/db/lock-order";
import { referrals } from "@/lib/db/schema";

/**
 * Before locking referrals (`where` picks them): lock their people — each referrer, and each friend once registered
 * — in id order (lib/db/LOCK-ORDER.md). A reward extends or grants their subscriptions, so every grant needs them.
 */
export async function lockReferralPeople(tx: Db, where: SQL): Promise<void> {
  await lockUsersOf(tx, async (reader) => {
    const people = await reader
      .select({ referrer: referrals.referrerUserId, referred: referrals.referredUserId })
      .from(referrals)
      .where(where);
    return people.flatMap((referral) =>
      referral.referred === null ? [referral.referrer] : [referral.referrer, referral.referred],
    );
  });
}
