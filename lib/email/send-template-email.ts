import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { emailLog, emailTemplates, emailTopics } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { emailContextOf, recipientWithSubscription } from "./build-email-context";
import { renderEmailTemplate } from "./render-template";
import { withUnsubscribeFooter } from "./consent/unsubscribe-footer";
import { preferencesUrl, unsubscribeUrl } from "./consent/unsubscribe-links";
import { newMessageId, sendEmail, type HeldEmail, type SendEmailResult } from "./send-email";
import type { EmailTransport } from "./transport";

export interface SendTemplateEmailOptions {
  templateCode: string;
  userId: number;
  /** One key per intended email (e.g. `subscription-ended:<subscription id>`): it is sent at most once. */
  idempotencyKey: string;
  /** More variables for the template, beside user, subscription and app. */
  extra?: Record<string, unknown>;
  transport?: EmailTransport;
  /** The scenario email node that sends it (its stats count the log row). */
  scenario?: { scenarioId: number; nodeId: string };
}

/**
 * Render a template for a user and send it once per idempotency key, under the template's topic: a marketing
 * template gets `{{unsubscribe_url}}` and `{{preferences_url}}` (and a footer with both when it uses neither).
 */
export function sendTemplateEmail(
  db: Db,
  options: SendTemplateEmailOptions,
  sendOptions?: { holdWhenLimited?: false },
): Promise<SendEmailResult>;
export function sendTemplateEmail(
  db: Db,
  options: SendTemplateEmailOptions,
  sendOptions: { holdWhenLimited: true },
): Promise<SendEmailResult | HeldEmail>;
export async function sendTemplateEmail(
  db: Db,
  options: SendTemplateEmailOptions,
  sendOptions: { holdWhenLimited?: boolean } = {},
): Promise<SendEmailResult | HeldEmail> {
  // The key's log entry, the template with its topic and the recipient with their subscription in one query. A key
  // already sent (or skipped) needs no template or user any more (either may have been edited or deleted since).
  const recipientRow = recipientWithSubscription(db, options.userId);
  const [found] = await db
    .select({
      existing: emailLog,
      template: emailTemplates,
      transactional: emailTopics.transactional,
      recipient: {
        userId: recipientRow.userId,
        email: recipientRow.email,
        name: recipientRow.name,
        typeName: recipientRow.typeName,
        startAt: recipientRow.startAt,
        endAt: recipientRow.endAt,
      },
    })
    .from(sql`(select 1) as one`)
    .leftJoin(emailLog, eq(emailLog.idempotencyKey, options.idempotencyKey))
    .leftJoin(emailTemplates, eq(emailTemplates.code, options.templateCode))
    .leftJoin(emailTopics, eq(emailTopics.id, emailTemplates.topicId))
    .leftJoin(recipientRow, sql`true`);
  const existing = found?.existing;
  if (existing?.status === "sent" || existing?.status === "skipped")
    return { entry: existing, sentNow: false };
  const template = found?.template;
  if (!template)
    throw notFound(
      "email_template_not_found",
      `No email template with code "${options.templateCode}".`,
    );
  const marketing = found?.transactional === false;
  const context = emailContextOf(found?.recipient, options.userId, options.extra);
  const user = context.user as { email: string };
  // A marketing email's unsubscribe links name its Message-ID, so an unsubscribe through them is counted on it.
  const messageId = marketing ? newMessageId() : undefined;
  const recipient = {
    userId: options.userId,
    address: user.email,
    topicId: template.topicId,
    messageId: messageId ?? null,
  };
  const rendered = marketing
    ? renderEmailTemplate(withUnsubscribeFooter(template), {
        ...context,
        unsubscribe_url: unsubscribeUrl(recipient),
        preferences_url: preferencesUrl(recipient),
      })
    : renderEmailTemplate(template, context);
  const input = {
    idempotencyKey: options.idempotencyKey,
    to: user.email,
    userId: options.userId,
    templateCode: template.code,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    topic: { id: template.topicId, transactional: !marketing },
    scenario: options.scenario,
    // The template's choice, else the topic's default: marketing mail is tracked, transactional mail is not.
    track: template.trackEngagement ?? marketing,
    messageId,
  };
  return sendOptions.holdWhenLimited
    ? sendEmail(db, input, { transport: options.transport, holdWhenLimited: true })
    : sendEmail(db, input, { transport: options.transport });
}
