import { type InferSelectModel } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, id, timestamptz, updatedAt } from "./columns";
import { users } from "./users";

/** Email templates: subject, HTML and text bodies with {{variables}} (e.g. {{user.name}}, {{subscription.end_at}}). */
export const emailTemplates = pgTable("email_templates", {
  id: id(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  subject: text("subject").notNull(),
  bodyHtml: text("body_html").notNull(),
  bodyText: text("body_text").notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type EmailTemplate = InferSelectModel<typeof emailTemplates>;

export const emailStatus = pgEnum("email_status", ["queued", "sent", "failed"]);
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
    createdAt: createdAt(),
    sentAt: timestamptz("sent_at"),
  },
  (t) => [
    index("email_log_created_idx").on(t.createdAt),
    index("email_log_user_idx").on(t.userId, t.createdAt),
  ],
);
export type EmailLogEntry = InferSelectModel<typeof emailLog>;
