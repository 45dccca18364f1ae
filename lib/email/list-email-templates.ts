import "server-only";
import { asc } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { emailTemplates } from "@/lib/db/schema";

/** Every template by name (a small, admin-managed set). */
export async function listEmailTemplates(db: Db) {
  return db
    .select({
      id: emailTemplates.id,
      code: emailTemplates.code,
      name: emailTemplates.name,
      subject: emailTemplates.subject,
      updatedAt: emailTemplates.updatedAt,
    })
    .from(emailTemplates)
    .orderBy(asc(emailTemplates.name), asc(emailTemplates.id));
}
