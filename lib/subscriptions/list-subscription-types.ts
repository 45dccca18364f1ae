import "server-only";
import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db";
import { subscriptionTypes } from "@/lib/db/schema";
import { contentAccessCodesOf } from "./content-access-codes-sql";

/** Every subscription type with its content access codes and the type it renews into. */
export async function listSubscriptionTypes(db: Db) {
  const next = alias(subscriptionTypes, "next_type");
  return db
    .select({
      id: subscriptionTypes.id,
      code: subscriptionTypes.code,
      name: subscriptionTypes.name,
      lengthDays: subscriptionTypes.lengthDays,
      priceCents: subscriptionTypes.priceCents,
      active: subscriptionTypes.active,
      isDefault: subscriptionTypes.isDefault,
      fixedEnd: subscriptionTypes.fixedEnd,
      offered: subscriptionTypes.offered,
      position: subscriptionTypes.position,
      description: subscriptionTypes.description,
      highlighted: subscriptionTypes.highlighted,
      contentAccess: contentAccessCodesOf(subscriptionTypes.id),
      nextTypeCode: next.code,
      nextTypeName: next.name,
    })
    .from(subscriptionTypes)
    .leftJoin(next, eq(next.id, subscriptionTypes.nextSubscriptionTypeId))
    .orderBy(asc(subscriptionTypes.name), asc(subscriptionTypes.id));
}

export type SubscriptionTypeListRow = Awaited<ReturnType<typeof listSubscriptionTypes>>[number];
