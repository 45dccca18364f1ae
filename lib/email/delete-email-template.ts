import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { emailTemplates, type EmailTemplate } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { refuseIfScenariosUse } from "@/lib/scenarios/find-scenarios-using";

/**
 * Delete a template, unless a scenario sends it (`template_in_use`, 409). Sent mail keeps its rendered copy and
 * template code in email_log.
 */
export async function deleteEmailTemplate(db: Db, id: number): Promise<EmailTemplate> {
  return db.transaction(async (tx) => {
    const [template] = await tx
      .select()
      .from(emailTemplates)
      .where(eq(emailTemplates.id, id))
      .for("update");
    if (!template) throw notFound("email_template_not_found", "No such email template.");
    await refuseIfScenariosUse(
      tx,
      { kind: "template", code: template.code },
      `Template "${template.code}"`,
    );
    await tx.delete(emailTemplates).where(eq(emailTemplates.id, id));
    return template;
  });
}
