import "server-only";
import { asc, count, eq, getTableColumns } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { emailTemplates, emailTopics, type EmailTopic } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";

export interface EmailTopicRow extends EmailTopic {
  /** Templates of the topic: a topic in use cannot be deleted. */
  templateCount: number;
}

function topicsWithCounts(db: Db) {
  return db
    .select({ ...getTableColumns(emailTopics), templateCount: count(emailTemplates.id) })
    .from(emailTopics)
    .leftJoin(emailTemplates, eq(emailTemplates.topicId, emailTopics.id))
    .groupBy(emailTopics.id);
}

/** Every topic in the order users see them (sorting, then id), with how many templates use each. */
export async function listEmailTopics(db: Db): Promise<EmailTopicRow[]> {
  return topicsWithCounts(db).orderBy(asc(emailTopics.sorting), asc(emailTopics.id));
}

/** One topic with its template count; `email_topic_not_found` (404) when there is none. */
export async function getEmailTopic(db: Db, topicId: number): Promise<EmailTopicRow> {
  const [topic] = await topicsWithCounts(db).where(eq(emailTopics.id, topicId));
  if (!topic) throw notFound("email_topic_not_found", "No such email topic.");
  return topic;
}
