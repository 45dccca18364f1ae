import "server-only";
import { asc, count, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { emailTemplates, emailTopics } from "@/lib/db/schema";

/** Every template by name (a small, admin-managed set), with its topic. */
export async function listEmailTemplates(db: Db) {
  return db
    .select({
      id: emailTemplates.id,
      code: emailTemplates.code,
      name: emailTemplates.name,
      subject: emailTemplates.subject,
      updatedAt: emailTemplates.updatedAt,
      topicName: emailTopics.name,
      topicTransactional: emailTopics.transactional,
    })
    .from(emailTemplates)
    .innerJoin(emailTopics, eq(emailTopics.id, emailTemplates.topicId))
    .orderBy(asc(emailTemplates.name), asc(emailTemplates.id));
}

/** A page of templates by name, each with its topic's code, and how many there are (the v1 API's list). */
export async function listEmailTemplatesPage(
  db: Db,
  options: { limit: number; offset: number },
): Promise<{ rows: EmailTemplateListItem[]; total: number }> {
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: emailTemplates.id,
        code: emailTemplates.code,
        name: emailTemplates.name,
        subject: emailTemplates.subject,
        topicCode: emailTopics.code,
        trackEngagement: emailTemplates.trackEngagement,
        updatedAt: emailTemplates.updatedAt,
      })
      .from(emailTemplates)
      .innerJoin(emailTopics, eq(emailTopics.id, emailTemplates.topicId))
      .orderBy(asc(emailTemplates.name), asc(emailTemplates.id))
      .limit(options.limit)
      .offset(options.offset),
    db.select({ total: count() }).from(emailTemplates),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

export interface EmailTemplateListItem {
  id: number;
  code: string;
  name: string;
  subject: string;
  topicCode: string;
  trackEngagement: boolean | null;
  updatedAt: Date;
}
