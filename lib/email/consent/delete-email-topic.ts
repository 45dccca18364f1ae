import "server-only";
import { count, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { emailTemplates, emailTopics, type EmailTopic } from "@/lib/db/schema";
import { conflict, notFound } from "@/lib/errors";

/**
 * Delete a marketing topic no template uses (`email_topic_in_use`, 409, names how many do); the account topic stays
 * (`email_topic_built_in`, 409). Users' choices about it go with it; sent mail keeps its log row without a topic.
 */
export async function deleteEmailTopic(db: Db, topicId: number): Promise<EmailTopic> {
  return db.transaction(async (tx) => {
    const [topic] = await tx
      .select()
      .from(emailTopics)
      .where(eq(emailTopics.id, topicId))
      .for("update");
    if (!topic) throw notFound("email_topic_not_found", "No such email topic.");
    if (topic.transactional)
      throw conflict("email_topic_built_in", "The account topic cannot be deleted.");
    // Templates are saved with a topic under this row's lock (FOR KEY SHARE of the foreign key), so the count holds.
    const [used] = await tx
      .select({ templates: count() })
      .from(emailTemplates)
      .where(eq(emailTemplates.topicId, topicId));
    if (used && used.templates > 0)
      throw conflict(
        "email_topic_in_use",
        `${used.templates} email template${used.templates === 1 ? " uses" : "s use"} this topic: move them to another topic first.`,
      );
    await tx.delete(emailTopics).where(eq(emailTopics.id, topicId));
    return topic;
  });
}
