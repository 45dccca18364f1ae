import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { subscriptionTypes, type SubscriptionType } from "@/lib/db/schema";
import { invalid } from "@/lib/errors";

/** The subscription type with this code, or `subscription_type_not_found` (400: it names bad input). */
export async function findSubscriptionTypeByCode(db: Db, code: string): Promise<SubscriptionType> {
  const [type] = await db
    .select()
    .from(subscriptionTypes)
    .where(eq(subscriptionTypes.code, code))
    .limit(1);
  if (!type)
    throw invalid("subscription_type_not_found", `No subscription type with code "${code}".`);
  return type;
}
