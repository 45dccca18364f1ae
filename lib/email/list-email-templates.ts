import "server-only";
import { asc, eq } from "drizzle-orm";
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
