import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { emailTemplates, emailTopics, type EmailTemplate } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";

export async function findEmailTemplateByCode(db: Db, code: string): Promise<EmailTemplate | null> {
  const [template] = await db
    .select()
    .from(emailTemplates)
    .where(eq(emailTemplates.code, code))
    .limit(1);
  return template ?? null;
}

export async function findEmailTemplate(db: Db, id: number): Promise<EmailTemplate | null> {
  const [template] = await db
    .select()
    .from(emailTemplates)
    .where(eq(emailTemplates.id, id))
    .limit(1);
  return template ?? null;
}

/** A template with its topic's code (the v1 API's view); unknown: `email_template_not_found` (404). */
export async function requireEmailTemplateWithTopic(
  db: Db,
  id: number,
): Promise<EmailTemplate & { topicCode: string }> {
  const [row] = await db
    .select({ template: emailTemplates, topicCode: emailTopics.code })
    .from(emailTemplates)
    .innerJoin(emailTopics, eq(emailTopics.id, emailTemplates.topicId))
    .where(eq(emailTemplates.id, id))
    .limit(1);
  if (!row) throw notFound("email_template_not_found", "No such email template.");
  return { ...row.template, topicCode: row.topicCode };
}
