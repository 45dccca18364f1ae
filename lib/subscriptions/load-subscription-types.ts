import "server-only";
import { alias } from "drizzle-orm/pg-core";
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { contentAccess, subscriptionTypeContentAccess, subscriptionTypes } from "@/lib/db/schema";
import {
  serializeSubscriptionType,
  type SubscriptionTypeJson,
} from "@/lib/subscriptions/subscription-json";

/** Subscription types as the API shows them: with content access codes and the next type's code, by code. */
export async function loadSubscriptionTypes(
  db: Db,
  options: { ids?: number[]; active?: boolean } = {},
): Promise<SubscriptionTypeJson[]> {
  const next = alias(subscriptionTypes, "next_type");
  const conditions: SQL[] = [];
  if (options.ids) conditions.push(inArray(subscriptionTypes.id, options.ids));
  if (options.active !== undefined) conditions.push(eq(subscriptionTypes.active, options.active));
  const rows = await db
    .select({ type: subscriptionTypes, nextCode: next.code })
    .from(subscriptionTypes)
    .leftJoin(next, eq(next.id, subscriptionTypes.nextSubscriptionTypeId))
    .where(and(...conditions))
    .orderBy(asc(subscriptionTypes.code));
  if (rows.length === 0) return [];
  const access = await db
    .select({ typeId: subscriptionTypeContentAccess.subscriptionTypeId, code: contentAccess.code })
    .from(subscriptionTypeContentAccess)
    .innerJoin(contentAccess, eq(contentAccess.id, subscriptionTypeContentAccess.contentAccessId))
    .where(
      inArray(
        subscriptionTypeContentAccess.subscriptionTypeId,
        rows.map((row) => row.type.id),
      ),
    );
  return rows.map(({ type, nextCode }) =>
    serializeSubscriptionType(type, {
      contentAccessCodes: access.filter((row) => row.typeId === type.id).map((row) => row.code),
      nextCode,
    }),
  );
}
