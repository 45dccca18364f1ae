import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { emailTopics, userEmailPreferences } from "@/lib/db/schema";
import { conflict, notFound } from "@/lib/errors";
import type { EmailPreferenceChange, EmailPreferenceSource } from "./topic-schemas";

/** One topic as a user sees it: their choice, else the topic's default; account mail is always on. */
export interface EmailPreference {
  topicId: number;
  code: string;
  name: string;
  description: string | null;
  transactional: boolean;
  subscribed: boolean;
  /** False for the account topic: its mail cannot be left. */
  changeable: boolean;
  /** Where the user's choice came from; null: they never chose (the topic's default applies). */
  source: string | null;
  updatedAt: Date | null;
}

/** Every topic with the user's state, in the topics' order. */
export async function loadEmailPreferences(db: Db, userId: number): Promise<EmailPreference[]> {
  const rows = await db
    .select({ topic: emailTopics, preference: userEmailPreferences })
    .from(emailTopics)
    .leftJoin(
      userEmailPreferences,
      and(
        eq(userEmailPreferences.topicId, emailTopics.id),
        eq(userEmailPreferences.userId, userId),
      ),
    )
    .orderBy(asc(emailTopics.sorting), asc(emailTopics.id));
  return rows.map(({ topic, preference }) => ({
    topicId: topic.id,
    code: topic.code,
    name: topic.name,
    description: topic.description,
    transactional: topic.transactional,
    subscribed: topic.transactional || (preference?.subscribed ?? topic.subscribedByDefault),
    changeable: !topic.transactional,
    source: topic.transactional ? null : (preference?.source ?? null),
    updatedAt: topic.transactional ? null : (preference?.updatedAt ?? null),
  }));
}

/**
 * Set a user's choice for one or more topics, by code (`email_topic_not_found`, 404, for an unknown one). Account
 * mail cannot be left (`email_topic_not_changeable`, 409); naming it as subscribed changes nothing, so a client may
 * send back what it read. The caller decides whose user id this is (the session, the link's token, an admin).
 */
export async function setEmailPreferences(
  db: Db,
  options: { userId: number; changes: EmailPreferenceChange[]; source: EmailPreferenceSource },
): Promise<void> {
  if (options.changes.length === 0) return;
  const codes = [...new Set(options.changes.map((change) => change.topic))];
  await db.transaction(async (tx) => {
    const topics = await tx
      .select({
        id: emailTopics.id,
        code: emailTopics.code,
        transactional: emailTopics.transactional,
      })
      .from(emailTopics)
      .where(inArray(emailTopics.code, codes));
    const byCode = new Map(topics.map((topic) => [topic.code, topic]));
    // One row per topic: the last change of a topic named twice wins.
    const values = new Map<number, typeof userEmailPreferences.$inferInsert>();
    for (const change of options.changes) {
      const topic = byCode.get(change.topic);
      if (!topic)
        throw notFound("email_topic_not_found", `No email topic with code "${change.topic}".`);
      if (topic.transactional) {
        if (!change.subscribed)
          throw conflict(
            "email_topic_not_changeable",
            "Mail about your account (receipts, password resets) cannot be unsubscribed.",
          );
        continue;
      }
      values.set(topic.id, {
        userId: options.userId,
        topicId: topic.id,
        subscribed: change.subscribed,
        source: options.source,
        updatedAt: now(),
      });
    }
    if (values.size === 0) return;
    await tx
      .insert(userEmailPreferences)
      .values([...values.values()])
      .onConflictDoUpdate({
        target: [userEmailPreferences.userId, userEmailPreferences.topicId],
        set: {
          subscribed: sql`excluded.subscribed`,
          source: sql`excluded.source`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  });
}
