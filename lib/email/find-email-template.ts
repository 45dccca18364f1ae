import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { emailTemplates, type EmailTemplate } from "@/lib/db/schema";

export async function findEmailTemplateByCode(db: Db, code: string): Promise<EmailTemplate | null> {
  const [template] = await db
    .select()
    .from(emailTemplates)
    .where(eq(emailTemplates.code, code))
    .limit(1);
  return template ?? null;
}

export async function findEmailTemplate(db: Db, id: number): Promise<EmailTemplate | null> {
  const [template] = await db
    .select()
    .from(emailTemplates)
    .where(eq(emailTemplates.id, id))
    .limit(1);
  return template ?? null;
}
