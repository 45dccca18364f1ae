import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { subscriptionTypes } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { contentAccessCodesOf } from "@/lib/subscriptions/content-access-codes-sql";

/**
 * A subscription type customers may buy themselves (active and offered), with its content access codes; anything
 * else is `subscription_type_not_offered` (404), whether it does not exist or is simply not for sale.
 */
export async function findOfferedType(db: Db, code: string) {
  const [type] = await db
    .select({
      id: subscriptionTypes.id,
      code: subscriptionTypes.code,
      name: subscriptionTypes.name,
      description: subscriptionTypes.description,
      lengthDays: subscriptionTypes.lengthDays,
      priceCents: subscriptionTypes.priceCents,
      fixedEnd: subscriptionTypes.fixedEnd,
      contentAccess: contentAccessCodesOf(subscriptionTypes.id),
    })
    .from(subscriptionTypes)
    .where(
      and(
        eq(subscriptionTypes.code, code),
        eq(subscriptionTypes.active, true),
        eq(subscriptionTypes.offered, true),
      ),
    )
    .limit(1);
  if (!type)
    throw notFound(
      "subscription_type_not_offered",
      `"${code}" is not a subscription you can buy here.`,
    );
  return type;
}

export type OfferedType = Awaited<ReturnType<typeof findOfferedType>>;
