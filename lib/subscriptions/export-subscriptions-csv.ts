import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import { csvStream } from "@/lib/csv/csv-stream";
import {
  cursorText,
  EXPORT_BATCH_SIZE,
  keysetAfter,
  keysetBatches,
  mapBatches,
} from "@/lib/csv/keyset-batches";
import type { Db } from "@/lib/db";
import { subscriptions, subscriptionTypes, users } from "@/lib/db/schema";
import { contentAccessCodesOf } from "./content-access-codes-sql";
import { subscriptionListWhere, type SubscriptionListFilters } from "./list-subscriptions";
import { subscriptionState } from "./subscription-state";

const HEADER = [
  "id",
  "user_id",
  "user_email",
  "subscription_type_code",
  "subscription_type_name",
  "content_access",
  "kind",
  "state",
  "start_at",
  "end_at",
  "is_paid",
  "payment_id",
];

/**
 * The subscriptions the admin list shows for these filters, latest end first, as a streamed CSV (keyset-paged
 * batches). The state is judged at one moment for the whole file.
 */
export function exportSubscriptionsCsv(
  db: Db,
  filters: SubscriptionListFilters,
): ReadableStream<Uint8Array> {
  const at = now();
  const where = subscriptionListWhere(filters, at);
  const batches = keysetBatches(async (cursor) => {
    const rows = await db
      .select({
        id: subscriptions.id,
        userId: subscriptions.userId,
        userEmail: users.email,
        typeCode: subscriptionTypes.code,
        typeName: subscriptionTypes.name,
        contentAccess: contentAccessCodesOf(subscriptionTypes.id),
        kind: subscriptions.kind,
        startAt: subscriptions.startAt,
        endAt: subscriptions.endAt,
        isPaid: subscriptions.isPaid,
        paymentId: subscriptions.paymentId,
        sortKey: cursorText(subscriptions.endAt),
      })
      .from(subscriptions)
      .innerJoin(users, eq(users.id, subscriptions.userId))
      .innerJoin(subscriptionTypes, eq(subscriptionTypes.id, subscriptions.subscriptionTypeId))
      .where(and(where, keysetAfter(subscriptions.endAt, subscriptions.id, cursor)))
      .orderBy(desc(subscriptions.endAt), desc(subscriptions.id))
      .limit(EXPORT_BATCH_SIZE);
    return rows;
  });
  return csvStream(
    HEADER,
    mapBatches(batches, (row) => [
      row.id,
      row.userId,
      row.userEmail,
      row.typeCode,
      row.typeName,
      row.contentAccess.join(" "),
      row.kind,
      subscriptionState(row.startAt, row.endAt, at),
      row.startAt,
      row.endAt,
      row.isPaid,
      row.paymentId,
    ]),
  );
}
