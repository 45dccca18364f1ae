import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { invalid } from "@/lib/errors";
import { completeGoal, type CompleteGoalResult } from "./complete-goal";
import type { GoalCompletionSource } from "./schemas";

/** Complete a goal for the user with this email (the admin's form names people, not ids). */
export async function completeGoalByEmail(
  db: Db,
  options: { goalCode: string; email: string; source: GoalCompletionSource },
): Promise<CompleteGoalResult> {
  const email = options.email.trim().toLowerCase();
  // Emails are unique case-insensitively (users_email_lower_key), so this matches at most one account.
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  if (!user) throw invalid("user_not_found", `No user with the email ${email}.`);
  return completeGoal(db, { goalCode: options.goalCode, userId: user.id, source: options.source });
}
