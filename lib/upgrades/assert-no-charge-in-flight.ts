import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { payments, subscriptionUpgrades } from "@/lib/db/schema";
import { conflict } from "@/lib/errors";

/**
 * One paid upgrade charge at a time per user, checked with the user's row locked: another offer, or another pending
 * upgrade's checkout, waits until the charge in flight is settled — and then finds the base it would change ended by
 * that one, or still there when it was declined.
 */
export async function assertNoChargeInFlight(tx: Db, userId: number): Promise<void> {
  const [inFlight] = await tx
    .select({ id: subscriptionUpgrades.id })
    .from(subscriptionUpgrades)
    .innerJoin(payments, eq(payments.id, subscriptionUpgrades.paymentId))
    .where(
      and(
        eq(subscriptionUpgrades.userId, userId),
        eq(subscriptionUpgrades.status, "pending"),
        eq(payments.status, "pending"),
      ),
    )
    .limit(1);
  if (inFlight)
    throw conflict(
      "upgrade_in_progress",
      "An upgrade of yours is being charged; wait until it is confirmed.",
    );
}
