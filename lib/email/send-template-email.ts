import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { emailLog, emailTemplates } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { buildEmailContext } from "./build-email-context";
import { renderEmailTemplate } from "./render-template";
import { sendEmail, type SendEmailResult } from "./send-email";
import type { EmailTransport } from "./transport";

export interface SendTemplateEmailOptions {
  templateCode: string;
  userId: number;
  /** One key per intended email (e.g. `subscription-ended:<subscription id>`): it is sent at most once. */
  idempotencyKey: string;
  /** More variables for the template, beside user, subscription and app. */
  extra?: Record<string, unknown>;
  transport?: EmailTransport;
}

/** Render a template for a user and send it once per idempotency key. */
export async function sendTemplateEmail(
  db: Db,
  options: SendTemplateEmailOptions,
): Promise<SendEmailResult> {
  // The key's log entry and the template in one query. A key already sent needs no template or user any more (either
  // may have been edited or deleted since).
  const [found] = await db
    .select({ existing: emailLog, template: emailTemplates })
    .from(sql`(select 1) as one`)
    .leftJoin(emailLog, eq(emailLog.idempotencyKey, options.idempotencyKey))
    .leftJoin(emailTemplates, eq(emailTemplates.code, options.templateCode));
  const existing = found?.existing;
  if (existing?.status === "sent") return { entry: existing, sentNow: false };
  const template = found?.template;
  if (!template)
    throw notFound(
      "email_template_not_found",
      `No email template with code "${options.templateCode}".`,
    );
  const context = await buildEmailContext(db, options.userId, options.extra);
  const rendered = renderEmailTemplate(template, context);
  const user = context.user as { email: string };
  return sendEmail(
    db,
    {
      idempotencyKey: options.idempotencyKey,
      to: user.email,
      userId: options.userId,
      templateCode: template.code,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
    },
    { transport: options.transport },
  );
}
