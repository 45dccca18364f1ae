import "server-only";
import { eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { emailTemplates, type EmailTemplate } from "@/lib/db/schema";
import { conflict, isUniqueViolation, notFound } from "@/lib/errors";
import { refuseIfScenariosUse } from "@/lib/scenarios/find-scenarios-using";
import { resolveTemplateTopic } from "./consent/email-topics";
import { emailTemplateInputSchema, type EmailTemplateInput } from "./schemas";

export { emailTemplateInputSchema };

/**
 * Create a template (no id) or edit one (id). A taken code is `email_template_exists` (409); a code a scenario sends
 * cannot change (`template_in_use`, 409).
 */
export async function saveEmailTemplate(
  db: Db,
  options: EmailTemplateInput & { id?: number },
): Promise<EmailTemplate> {
  const input = emailTemplateInputSchema.parse(options);
  try {
    return await db.transaction(async (tx) => {
      if (options.id !== undefined) {
        const [current] = await tx
          .select({ code: emailTemplates.code })
          .from(emailTemplates)
          .where(eq(emailTemplates.id, options.id))
          .for("update");
        if (!current) throw notFound("email_template_not_found", "No such email template.");
        if (current.code !== input.code) {
          await refuseIfScenariosUse(
            tx,
            { kind: "template", code: current.code },
            `Template "${current.code}" (its code cannot change)`,
          );
        }
      }
      const { topic, ...fields } = input;
      const topicId = await resolveTemplateTopic(tx, {
        code: topic,
        templateCode: input.code,
        creating: options.id === undefined,
      });
      const [template] =
        options.id === undefined
          ? await tx
              .insert(emailTemplates)
              .values({ ...fields, topicId: topicId!, createdAt: now(), updatedAt: now() })
              .returning()
          : await tx
              .update(emailTemplates)
              .set({ ...fields, ...(topicId === null ? {} : { topicId }), updatedAt: now() })
              .where(eq(emailTemplates.id, options.id))
              .returning();
      if (!template) throw notFound("email_template_not_found", "No such email template.");
      return template;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(
        "email_template_exists",
        `An email template with code "${input.code}" exists.`,
      );
    throw error;
  }
}
