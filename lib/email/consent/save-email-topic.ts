import "server-only";
import { eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { emailTopics, type EmailTopic } from "@/lib/db/schema";
import { conflict, isUniqueViolation, notFound } from "@/lib/errors";
import { emailTopicInputSchema, type EmailTopicInput } from "./topic-schemas";

/**
 * Create a topic (always a marketing topic: the account topic is the one transactional topic) or change one. The
 * account topic keeps its code and stays on for everyone (`email_topic_built_in`, 409). A taken code is
 * `email_topic_exists` (409). In a transaction, where the audit log records a staff change.
 */
export async function saveEmailTopic(
  db: Db,
  options: { id?: number; input: EmailTopicInput },
): Promise<EmailTopic> {
  const input = emailTopicInputSchema.parse(options.input);
  try {
    return await db.transaction(async (tx) => {
      if (options.id === undefined) {
        const [created] = await tx
          .insert(emailTopics)
          .values({
            code: input.code,
            name: input.name,
            description: input.description || null,
            transactional: false,
            subscribedByDefault: input.subscribedByDefault ?? true,
            sorting: input.sorting ?? 0,
            createdAt: now(),
            updatedAt: now(),
          })
          .returning();
        return created!;
      }
      const [current] = await tx
        .select()
        .from(emailTopics)
        .where(eq(emailTopics.id, options.id))
        .for("update");
      if (!current) throw notFound("email_topic_not_found", "No such email topic.");
      if (current.transactional) {
        if (input.code !== current.code)
          throw conflict("email_topic_built_in", "The account topic's code cannot change.");
        if (input.subscribedByDefault === false)
          throw conflict(
            "email_topic_built_in",
            "Account mail cannot be left: the account topic is on for everyone.",
          );
      }
      const [updated] = await tx
        .update(emailTopics)
        .set({
          code: input.code,
          name: input.name,
          description:
            input.description === undefined ? current.description : input.description || null,
          subscribedByDefault: current.transactional
            ? true
            : (input.subscribedByDefault ?? current.subscribedByDefault),
          sorting: input.sorting ?? current.sorting,
          updatedAt: now(),
        })
        .where(eq(emailTopics.id, current.id))
        .returning();
      return updated!;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict("email_topic_exists", `A topic with the code "${input.code}" exists.`);
    throw error;
  }
}
