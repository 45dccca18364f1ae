import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { emailTemplates, type EmailTemplate } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";

/** Delete a template. Sent mail keeps its rendered copy and template code in email_log. */
export async function deleteEmailTemplate(db: Db, id: number): Promise<EmailTemplate> {
  const [deleted] = await db.delete(emailTemplates).where(eq(emailTemplates.id, id)).returning();
  if (!deleted) throw notFound("email_template_not_found", "No such email template.");
  return deleted;
}
