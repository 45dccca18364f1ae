import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { paymentItems, payments, users } from "@/lib/db/schema";
import { buildEmailContext } from "@/lib/email/build-email-context";
import { templateConsent } from "@/lib/email/consent/template-consent";
import { findLocalizedTemplate } from "@/lib/email/find-localized-template";
import { renderEmailTemplate } from "@/lib/email/render-template";
import { sendEmail, type SendEmailResult } from "@/lib/email/send-email";
import type { EmailTransport } from "@/lib/email/transport";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { formatMoney } from "@/lib/money";
import { absoluteCheckoutUrl } from "./gateway-request-parts";
import {
  PAYMENT_CONFIRMATION_TEMPLATE,
  PAYMENT_CONFIRMATION_TEMPLATE_CODE,
} from "./payment-confirmation-template";

/**
 * Email the customer the link where they confirm a pending charge (SCA), once per charge attempt. Nothing is sent
 * when the payment is no longer pending (they confirmed already, or it failed).
 */
export async function sendPaymentConfirmation(
  db: Db,
  options: { paymentId: number; transport?: EmailTransport },
): Promise<SendEmailResult | null> {
  const [row] = await db
    .select({ payment: payments, email: users.email, locale: users.locale })
    .from(payments)
    .innerJoin(users, eq(users.id, payments.userId))
    .where(and(eq(payments.id, options.paymentId), eq(payments.status, "pending")));
  if (!row) return null;
  const [item] = await db
    .select({ name: paymentItems.name })
    .from(paymentItems)
    .where(eq(paymentItems.paymentId, row.payment.id))
    .orderBy(asc(paymentItems.id))
    .limit(1);
  const locale = isLocale(row.locale) ? row.locale : DEFAULT_LOCALE;
  const template = await findLocalizedTemplate(db, PAYMENT_CONFIRMATION_TEMPLATE, locale);
  const context = await buildEmailContext(db, row.payment.userId, {
    payment: {
      amount: formatMoney(row.payment.amountCents, locale),
      description:
        item?.name ??
        (locale === "sk" ? `platbu č. ${row.payment.id}` : `payment #${row.payment.id}`),
      link: absoluteCheckoutUrl(row.payment.id),
    },
  });
  const consent = await templateConsent(db, template, {
    userId: row.payment.userId,
    address: row.email,
  });
  const rendered = renderEmailTemplate(consent.template, { ...context, ...consent.context });
  return sendEmail(
    db,
    {
      idempotencyKey: `payment-confirmation:${row.payment.id}:${row.payment.chargeAttempt}`,
      to: row.email,
      userId: row.payment.userId,
      templateCode: PAYMENT_CONFIRMATION_TEMPLATE_CODE,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      topic: consent.topic,
      messageId: consent.messageId,
    },
    { transport: options.transport },
  );
}
