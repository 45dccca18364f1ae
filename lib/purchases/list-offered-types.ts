import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { contentAccess, subscriptionTypeContentAccess, subscriptionTypes } from "@/lib/db/schema";
import { contentAccessCodesOf } from "@/lib/subscriptions/content-access-codes-sql";

/** The content access names of a type, in the order contentAccessCodesOf gives its codes. */
const contentAccessNamesOf = sql<string[]>`coalesce((
  select array_agg(${contentAccess.name} order by ${contentAccess.sorting}, ${contentAccess.code})
  from ${subscriptionTypeContentAccess}
  join ${contentAccess} on ${contentAccess.id} = ${subscriptionTypeContentAccess.contentAccessId}
  where ${subscriptionTypeContentAccess.subscriptionTypeId} = ${sql.identifier("subscription_types")}.${sql.identifier("id")}), '{}')`;

/** What the pricing page sells: the active, offered types by position, with their content access codes and names. */
export async function listOfferedTypes(db: Db) {
  return db
    .select({
      id: subscriptionTypes.id,
      code: subscriptionTypes.code,
      name: subscriptionTypes.name,
      description: subscriptionTypes.description,
      lengthDays: subscriptionTypes.lengthDays,
      priceCents: subscriptionTypes.priceCents,
      highlighted: subscriptionTypes.highlighted,
      contentAccess: contentAccessCodesOf(subscriptionTypes.id),
      contentAccessNames: contentAccessNamesOf,
    })
    .from(subscriptionTypes)
    .where(and(eq(subscriptionTypes.offered, true), eq(subscriptionTypes.active, true)))
    .orderBy(asc(subscriptionTypes.position), asc(subscriptionTypes.id));
}

export type OfferedTypeRow = Awaited<ReturnType<typeof listOfferedTypes>>[number];
