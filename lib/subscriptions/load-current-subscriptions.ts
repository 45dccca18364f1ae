import "server-only";
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import {
  contentAccess,
  subscriptions,
  subscriptionTypeContentAccess,
  subscriptionTypes,
} from "@/lib/db/schema";
import { serializeSubscription } from "@/lib/subscriptions/subscription-json";

/**
 * A user's running and upcoming subscriptions with their content access, for GET /users/me. The user id is part of
 * the query: a token only ever reads its own user's subscriptions.
 */
export async function loadCurrentSubscriptions(db: Db, options: { userId: number }) {
  const at = now();
  const rows = await db
    .select({ subscription: subscriptions, typeCode: subscriptionTypes.code })
    .from(subscriptions)
    .innerJoin(subscriptionTypes, eq(subscriptionTypes.id, subscriptions.subscriptionTypeId))
    .where(and(eq(subscriptions.userId, options.userId), gt(subscriptions.endAt, at)))
    .orderBy(asc(subscriptions.startAt), asc(subscriptions.id));
  const typeIds = [...new Set(rows.map((row) => row.subscription.subscriptionTypeId))];
  const access = typeIds.length
    ? await db
        .select({
          typeId: subscriptionTypeContentAccess.subscriptionTypeId,
          code: contentAccess.code,
        })
        .from(subscriptionTypeContentAccess)
        .innerJoin(
          contentAccess,
          eq(contentAccess.id, subscriptionTypeContentAccess.contentAccessId),
        )
        .where(inArray(subscriptionTypeContentAccess.subscriptionTypeId, typeIds))
    : [];
  const codesOf = (typeId: number) =>
    access
      .filter((row) => row.typeId === typeId)
      .map((row) => row.code)
      .sort();

  const current = rows.map(({ subscription, typeCode }) => ({
    ...serializeSubscription(subscription, typeCode),
    content_access: codesOf(subscription.subscriptionTypeId),
    actual: subscription.startAt.getTime() <= at.getTime(),
  }));
  const contentAccessNow = [
    ...new Set(current.filter((s) => s.actual).flatMap((s) => s.content_access)),
  ].sort();
  return { subscriptions: current, contentAccess: contentAccessNow };
}
