import { type InferSelectModel, sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { createdAt, id, timestamptz, updatedAt } from "./columns";
import { users } from "./users";

/**
 * What an email is about, for consent (design.md "Email consent"): admin-defined topics (Newsletter, Offers) a user
 * may leave, and the one built-in `account` topic of transactional mail (receipts, password resets), which is never
 * unsubscribable, suppressed, capped or held for quiet hours.
 */
export const emailTopics = pgTable("email_topics", {
  id: id(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  description: text("description"),
  transactional: boolean("transactional").notNull().default(false),
  /** Whether a user who never chose gets this topic's mail (opted in by default) or must opt in. */
  subscribedByDefault: boolean("subscribed_by_default").notNull().default(true),
  sorting: integer("sorting").notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type EmailTopic = InferSelectModel<typeof emailTopics>;

/** Email templates: subject, HTML and text bodies with {{variables}} (e.g. {{user.name}}, {{subscription.end_at}}). */
export const emailTemplates = pgTable("email_templates", {
  id: id(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  subject: text("subject").notNull(),
  bodyHtml: text("body_html").notNull(),
  bodyText: text("body_text").notNull(),
  topicId: integer("topic_id")
    .notNull()
    .references(() => emailTopics.id, { onDelete: "restrict" }),
  /** Open pixel and click tracking; null: the topic's default (on for marketing topics, off for transactional). */
  trackEngagement: boolean("track_engagement"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type EmailTemplate = InferSelectModel<typeof emailTemplates>;

/** `skipped`: not sent, by policy (`skip_reason`: unsubscribed, suppressed, frequency_cap, quiet_hours). */
export const emailStatus = pgEnum("email_status", ["queued", "sent", "failed", "skipped"]);
export type EmailStatus = (typeof emailStatus.enumValues)[number];

/**
 * Every email Subflow sends, rendered. The idempotency key is unique: a key sends at most once. Without SMTP the
 * rendered message stays here and the admin mailbox shows it.
 */
export const emailLog = pgTable(
  "email_log",
  {
    id: id(),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    templateCode: text("template_code"),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    bodyHtml: text("body_html").notNull(),
    bodyText: text("body_text").notNull(),
    status: emailStatus("status").notNull().default("queued"),
    transport: text("transport"),
    providerMessageId: text("provider_message_id"),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    /** The topic it was sent under; null: mail logged before topics existed. */
    topicId: integer("topic_id").references(() => emailTopics.id, { onDelete: "set null" }),
    /** Sent under a non-transactional topic: what the frequency cap counts. */
    marketing: boolean("marketing").notNull().default(false),
    skipReason: text("skip_reason"),
    /** The Message-ID header, as sent (without angle brackets): what delivery events name. */
    messageId: text("message_id"),
    /** The links of the email as sent, in order: a tracked click may only lead to one of them. */
    links: text("links").array(),
    /** Where a scenario sent it: the email node's stats read these. */
    scenarioId: integer("scenario_id"),
    scenarioNodeId: text("scenario_node_id"),
    /** The first of each engagement and delivery event (email_events holds every one). */
    deliveredAt: timestamptz("delivered_at"),
    openedAt: timestamptz("opened_at"),
    clickedAt: timestamptz("clicked_at"),
    bouncedAt: timestamptz("bounced_at"),
    complainedAt: timestamptz("complained_at"),
    unsubscribedAt: timestamptz("unsubscribed_at"),
    createdAt: createdAt(),
    sentAt: timestamptz("sent_at"),
  },
  (t) => [
    index("email_log_created_idx").on(t.createdAt),
    index("email_log_user_idx").on(t.userId, t.createdAt),
    uniqueIndex("email_log_message_id_key").on(t.messageId),
    /** A provider's delivery event that names its own id (SES's), when ours is not found. */
    index("email_log_provider_message_id_idx")
      .on(t.providerMessageId)
      .where(sql`${t.providerMessageId} is not null`),
    /** The frequency cap: a user's marketing mail sent in the last 7 days. */
    index("email_log_user_marketing_idx")
      .on(t.userId, t.sentAt)
      .where(sql`${t.status} = 'sent' and ${t.marketing}`),
    index("email_log_scenario_node_idx").on(t.scenarioId, t.scenarioNodeId),
    index("email_log_template_idx").on(t.templateCode, t.createdAt),
  ],
);
export type EmailLogEntry = InferSelectModel<typeof emailLog>;

export const emailEventType = pgEnum("email_event_type", [
  "delivered",
  "deferred",
  "bounced",
  "complained",
  "opened",
  "clicked",
  "unsubscribed",
]);
export type EmailEventType = (typeof emailEventType.enumValues)[number];

/** Every delivery and engagement event of a sent email: from the provider (API, SES), the pixel, a click. */
export const emailEvents = pgTable(
  "email_events",
  {
    id: id(),
    emailLogId: integer("email_log_id")
      .notNull()
      .references(() => emailLog.id, { onDelete: "cascade" }),
    type: emailEventType("type").notNull(),
    bounceType: text("bounce_type"),
    /** A click: the link's URL. An SES notification: its diagnostic. */
    detail: text("detail"),
    /** The provider's event id when it has one: a redelivered notification is recorded once. */
    externalId: text("external_id").unique(),
    occurredAt: timestamptz("occurred_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("email_events_log_idx").on(t.emailLogId, t.occurredAt),
    check("email_events_bounce_type_check", sql`${t.bounceType} in ('hard', 'soft')`),
  ],
);
export type EmailEvent = InferSelectModel<typeof emailEvents>;

/** A user's choice per topic; no row: the topic's default. */
export const userEmailPreferences = pgTable(
  "user_email_preferences",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    topicId: integer("topic_id")
      .notNull()
      .references(() => emailTopics.id, { onDelete: "cascade" }),
    subscribed: boolean("subscribed").notNull(),
    /** `preferences` (the preference centre), `one_click` (RFC 8058), `account`, `admin`, `api`. */
    source: text("source").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.topicId] })],
);
export type UserEmailPreference = InferSelectModel<typeof userEmailPreferences>;

/**
 * Addresses no non-transactional mail goes to: a hard bounce, a complaint, an admin's entry, an unsubscribe of a
 * recipient who is not a user. Lifting keeps the row (lifted_at) for the history; one active row per address.
 */
export const emailSuppressions = pgTable(
  "email_suppressions",
  {
    id: id(),
    /** Lower-cased. */
    address: text("address").notNull(),
    /** `hard_bounce`, `complaint`, `manual`, `unsubscribed`. */
    reason: text("reason").notNull(),
    detail: text("detail"),
    emailLogId: integer("email_log_id").references(() => emailLog.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    liftedAt: timestamptz("lifted_at"),
    liftedBy: integer("lifted_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("email_suppressions_active_key")
      .on(t.address)
      .where(sql`${t.liftedAt} is null`),
    check("email_suppressions_address_lower", sql`${t.address} = lower(${t.address})`),
  ],
);
export type EmailSuppression = InferSelectModel<typeof emailSuppressions>;
