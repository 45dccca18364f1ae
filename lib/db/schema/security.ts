import { sql, type InferSelectModel } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns";

/**
 * What staff and API tokens changed. Rows are written by the `audit_row_change()` trigger (migration 0007) on the
 * audited tables, in the same transaction as the change, whenever the transaction carries an audit context
 * (`subflow.audit`, set by the action and route wrappers): one row per changed row, with only the changed fields.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamptz("occurred_at")
      .notNull()
      .default(sql`now()`),
    /** One id per request or action: the rows one change wrote belong together. */
    requestId: uuid("request_id").notNull(),
    /** The staff member or the API token (no foreign keys: the history outlives both, and takes no locks). */
    actorUserId: integer("actor_user_id"),
    actorTokenId: integer("actor_token_id"),
    /** Who it was as they were then (an email or a token's name), kept when the account or token goes. */
    actorLabel: text("actor_label").notNull(),
    /** What the person did: a server action's or an API operation's name. */
    action: text("action").notNull(),
    /** The changed table and the row's id. */
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    operation: text("operation").notNull(),
    /** The changed fields before and after (secrets such as hashes left out); null for an insert's before. */
    before: jsonb("before").$type<Record<string, unknown>>(),
    after: jsonb("after").$type<Record<string, unknown>>(),
    clientAddress: text("client_address"),
  },
  (t) => [
    index("audit_log_occurred_at_idx").on(t.occurredAt),
    index("audit_log_entity_idx").on(t.entityType, t.entityId, t.occurredAt),
    index("audit_log_actor_idx").on(t.actorUserId, t.occurredAt),
  ],
);
export type AuditLogRow = InferSelectModel<typeof auditLog>;

/**
 * Attempts at throttled operations (sign-in, registration, password reset, referral invitations), one row each, per
 * bucket (what and by which key: an account or a client address) and key. Kept in Postgres so a limit holds across
 * serverless instances; rows older than the longest window are deleted as new ones come in.
 */
export const throttleAttempts = pgTable(
  "throttle_attempts",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    bucket: text("bucket").notNull(),
    key: text("key").notNull(),
    attemptedAt: timestamptz("attempted_at").notNull(),
  },
  (t) => [index("throttle_attempts_lookup_idx").on(t.bucket, t.key, t.attemptedAt)],
);
