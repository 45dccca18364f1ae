import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { emailTopics } from "@/lib/db/schema";
import type { EmailContext, EmailTemplateSource } from "@/lib/email/render-template";
import { withUnsubscribeFooter } from "./unsubscribe-footer";
import { newMessageId } from "@/lib/email/send-email";
import { preferencesUrl, unsubscribeUrl } from "./unsubscribe-links";

export interface TemplateConsent {
  /** The template to render: a marketing one with the unsubscribe footer when it offers no way out itself. */
  template: EmailTemplateSource;
  /** `unsubscribe_url` and `preferences_url` for a marketing template; nothing for account mail. */
  context: EmailContext;
  /** For sendEmail: the marketing topic; undefined for account mail. */
  topic: { id: number; transactional: false } | undefined;
  /** For sendEmail: the Message-ID the unsubscribe links name (marketing mail); undefined for account mail. */
  messageId: string | undefined;
}

/**
 * The consent side of a template a sender found with findLocalizedTemplate: an admins' stored template of a
 * marketing topic is sent as marketing (consent, suppression, cap, unsubscribe links and headers), like
 * sendTemplateEmail does; a built-in text (no stored template) or one of the account topic is account mail.
 */
export async function templateConsent(
  db: Db,
  template: EmailTemplateSource & { topicId?: number },
  recipient: { userId: number | null; address: string },
): Promise<TemplateConsent> {
  const account = { template, context: {}, topic: undefined, messageId: undefined };
  if (template.topicId === undefined) return account;
  const [topic] = await db
    .select({ id: emailTopics.id, transactional: emailTopics.transactional })
    .from(emailTopics)
    .where(eq(emailTopics.id, template.topicId));
  if (!topic || topic.transactional) return account;
  const messageId = newMessageId();
  const links = { ...recipient, topicId: topic.id, messageId };
  return {
    template: withUnsubscribeFooter(template),
    context: { unsubscribe_url: unsubscribeUrl(links), preferences_url: preferencesUrl(links) },
    topic: { id: topic.id, transactional: false },
    messageId,
  };
}
