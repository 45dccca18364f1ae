import { type InferSelectModel } from "drizzle-orm";
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns";
import { users } from "./users";

/**
 * Transactional outbox of domain events: a row is written in the same transaction as the change it describes and
 * delivered to Inngest (with the row id as the event id) until `sent_at` is set.
 */
export const events = pgTable(
  "events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: timestamptz("occurred_at").notNull(),
    /** Client-supplied idempotency key (events API): the same key is recorded once. */
    dedupeKey: text("dedupe_key").unique(),
    sentAt: timestamptz("sent_at"),
    sendAttempts: integer("send_attempts").notNull().default(0),
    /** After a failed send: not before this time (backoff). */
    nextSendAt: timestamptz("next_send_at"),
    lastSendError: text("last_send_error"),
  },
  (t) => [
    index("events_unsent_idx")
      .on(t.occurredAt)
      .where(sql`${t.sentAt} is null`),
    index("events_user_idx").on(t.userId, t.occurredAt),
    index("events_name_idx").on(t.name, t.occurredAt),
  ],
);
export type DomainEventRow = InferSelectModel<typeof events>;
