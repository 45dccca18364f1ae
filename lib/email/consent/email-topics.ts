import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { emailTopics } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";

/** The built-in topic of transactional mail: it cannot be left, renamed to marketing or deleted. */
export const ACCOUNT_TOPIC_CODE = "account";

/** The emails Subflow sends by itself (their stored templates, and `_sk` twins, default to the account topic). */
export const BUILT_IN_TEMPLATE_CODES: ReadonlySet<string> = new Set([
  "password_reset",
  "email_changed_notice",
  "email_change_confirm",
  "payment_confirmation",
  "family_invitation",
  "referral_invitation",
]);

/** The topics migration 0011 creates (its SQL holds the same rows): the account topic and one marketing topic. */
export const INITIAL_EMAIL_TOPICS = [
  {
    code: ACCOUNT_TOPIC_CODE,
    name: "Account",
    description:
      "Receipts, password resets, invitations and other mail about your account. It cannot be unsubscribed.",
    transactional: true,
    subscribedByDefault: true,
    sorting: 0,
  },
  {
    code: "news",
    name: "News and offers",
    description: "Newsletters, offers and reminders.",
    transactional: false,
    subscribedByDefault: true,
    sorting: 10,
  },
] as const;

/** Put back the topics the migration creates (tests empty every table between files). */
export async function insertInitialEmailTopics(db: Db): Promise<void> {
  await db
    .insert(emailTopics)
    .values([...INITIAL_EMAIL_TOPICS])
    .onConflictDoNothing();
}

const isBuiltIn = (templateCode: string) =>
  BUILT_IN_TEMPLATE_CODES.has(templateCode.replace(/_[a-z]{2}$/, ""));

/**
 * The topic id a template is saved with: the named topic (`email_topic_not_found`, 404, when there is none), else on
 * create the account topic for a built-in email and the first marketing topic for any other, else (an edit that
 * names none) null: keep the template's topic.
 */
export async function resolveTemplateTopic(
  db: Db,
  options: { code: string | undefined; templateCode: string; creating: boolean },
): Promise<number | null> {
  if (options.code !== undefined) {
    const [topic] = await db
      .select({ id: emailTopics.id })
      .from(emailTopics)
      .where(eq(emailTopics.code, options.code));
    if (!topic)
      throw notFound("email_topic_not_found", `No email topic with code "${options.code}".`);
    return topic.id;
  }
  if (!options.creating) return null;
  const wantTransactional = isBuiltIn(options.templateCode);
  // The first topic of the wanted kind, else the account topic (an installation whose marketing topics are all gone).
  const [topic] = await db
    .select({ id: emailTopics.id })
    .from(emailTopics)
    .orderBy(
      sql`${emailTopics.transactional} <> ${wantTransactional}`,
      sql`${emailTopics.code} <> ${ACCOUNT_TOPIC_CODE}`,
      asc(emailTopics.sorting),
      asc(emailTopics.id),
    )
    .limit(1);
  if (!topic) throw new Error("no email topics: migration 0011 creates the account topic");
  return topic.id;
}
