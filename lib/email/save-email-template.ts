import "server-only";
import { eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { emailTemplates, type EmailTemplate } from "@/lib/db/schema";
import { conflict, isUniqueViolation, notFound } from "@/lib/errors";
import { emailTemplateInputSchema, type EmailTemplateInput } from "./email-template-schemas";

export { emailTemplateInputSchema };

/** Create a template (no id) or edit one (id). A taken code is `email_template_exists` (409). */
export async function saveEmailTemplate(db: Db, options: EmailTemplateInput & { id?: number }): Promise<EmailTemplate> {
  const input = emailTemplateInputSchema.parse(options);
  try {
    const [template] =
      options.id === undefined
        ? await db.insert(emailTemplates).values({ ...input, createdAt: now(), updatedAt: now() }).returning()
        : await db.update(emailTemplates).set({ ...input, updatedAt: now() }).where(eq(emailTemplates.id, options.id)).returning();
    if (!template) throw notFound("email_template_not_found", "No such email template.");
    return template;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("email_template_exists", `An email template with code "${input.code}" exists.`);
    throw error;
  }
}
