import "server-only";
import { eq, sql } from "drizzle-orm";
import type { AdminActor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { invalid } from "@/lib/errors";
import { activateFamilyRequest } from "../activate-family-request";

/**
 * An admin activates a code for the user with this email, skipping the one-per-user and self-use checks (issue:
 * admins may place any account); status and expiry still apply.
 */
export async function activateFamilyCodeByEmail(
  db: Db,
  options: { code: string; email: string; actor: AdminActor },
) {
  const email = options.email.trim().toLowerCase();
  // Emails are unique case-insensitively (users_email_lower_key), so this matches at most one account.
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  if (!user) throw invalid("user_not_found", `No user with the email ${email}.`);
  return activateFamilyRequest(db, {
    code: options.code.trim(),
    userId: user.id,
    actor: options.actor,
  });
}
