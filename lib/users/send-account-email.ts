import "server-only";
import type { Db } from "@/lib/db";
import { buildEmailContext } from "@/lib/email/build-email-context";
import { templateConsent } from "@/lib/email/consent/template-consent";
import { emailLocaleOf, findLocalizedTemplate } from "@/lib/email/find-localized-template";
import { renderEmailTemplate, type EmailTemplateSource } from "@/lib/email/render-template";
import { EmailDeliveryError, sendEmail, type SendEmailResult } from "@/lib/email/send-email";
import type { EmailTransport } from "@/lib/email/transport";
import type { Locale } from "@/lib/i18n/locales";

export interface SendAccountEmailOptions {
  userId: number;
  /** Not always the user's current address: an email change writes to the new one, its notice to the old one. */
  to: string;
  /** The built-in text, used when admins have stored no template with its code. */
  template: EmailTemplateSource & { code: string };
  idempotencyKey: string;
  extra: Record<string, unknown>;
  /** The recipient's language (emailLocaleOf); looked up when not given. */
  locale?: Locale;
  transport?: EmailTransport;
}

/**
 * Render an account email (the admin's template with the code, else the built-in one, in the user's language:
 * findLocalizedTemplate) with the user's context and
 * send it once per key. Returns null when delivery failed: the failure is on its email_log row for the admin, and
 * the caller's answer does not change (a reset request must read the same either way).
 */
export async function sendAccountEmail(
  db: Db,
  options: SendAccountEmailOptions,
): Promise<SendEmailResult | null> {
  const locale = options.locale ?? (await emailLocaleOf(db, options.userId));
  const template = await findLocalizedTemplate(db, options.template, locale);
  const [context, consent] = await Promise.all([
    buildEmailContext(db, options.userId, options.extra),
    templateConsent(db, template, { userId: options.userId, address: options.to }),
  ]);
  const rendered = renderEmailTemplate(consent.template, { ...context, ...consent.context });
  try {
    return await sendEmail(
      db,
      {
        idempotencyKey: options.idempotencyKey,
        to: options.to,
        userId: options.userId,
        templateCode: options.template.code,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        topic: consent.topic,
        messageId: consent.messageId,
      },
      { transport: options.transport },
    );
  } catch (error) {
    if (error instanceof EmailDeliveryError) return null;
    throw error;
  }
}
