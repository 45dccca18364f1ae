import "server-only";
import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db";
import { subscriptionTypes } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";

/**
 * What a renewal of this type charges for: its next type when it has one (an introductory month renewing into the
 * regular one), else the type itself — as chargeRecurrentPayment decides.
 */
export async function findRenewalType(
  db: Db,
  subscriptionTypeId: number,
): Promise<{ code: string; name: string; priceCents: number; lengthDays: number }> {
  const next = alias(subscriptionTypes, "next_type");
  const [row] = await db
    .select({
      type: {
        code: subscriptionTypes.code,
        name: subscriptionTypes.name,
        priceCents: subscriptionTypes.priceCents,
        lengthDays: subscriptionTypes.lengthDays,
      },
      next: {
        code: next.code,
        name: next.name,
        priceCents: next.priceCents,
        lengthDays: next.lengthDays,
      },
    })
    .from(subscriptionTypes)
    .leftJoin(next, eq(next.id, subscriptionTypes.nextSubscriptionTypeId))
    .where(eq(subscriptionTypes.id, subscriptionTypeId))
    .limit(1);
  if (!row) throw notFound("subscription_type_not_found", "No such subscription type.");
  return row.next ?? row.type;
}
