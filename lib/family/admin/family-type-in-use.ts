import "server-only";
import { and, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { familyRequests, subscriptions } from "@/lib/db/schema";
import { conflict } from "@/lib/errors";

/**
 * Refuse (`family_type_in_use`, 409) when a master type still has live requests: open or accepted requests of master
 * subscriptions that have not ended and whose expires_at has not passed. Such requests need the family type for
 * activation, replacement codes and renewal; expired and canceled ones are history and do not hold it.
 */
export async function refuseIfFamilyTypeInUse(
  db: Db,
  options: { masterSubscriptionTypeId: number; action: string },
): Promise<void> {
  const at = now();
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(familyRequests)
    .innerJoin(subscriptions, eq(subscriptions.id, familyRequests.masterSubscriptionId))
    .where(
      and(
        eq(subscriptions.subscriptionTypeId, options.masterSubscriptionTypeId),
        gt(subscriptions.endAt, at),
        inArray(familyRequests.status, ["created", "accepted"]),
        or(isNull(familyRequests.expiresAt), gt(familyRequests.expiresAt, at)),
      ),
    );
  const live = row?.n ?? 0;
  if (live > 0) {
    throw conflict(
      "family_type_in_use",
      `${options.action}: ${live} open or accepted family request${live === 1 ? "" : "s"} of running master subscriptions depend on it.`,
    );
  }
}
