import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { invalid } from "@/lib/errors";

/** The id of the user with this email (case-insensitive), for admin tools that name users by email; 400 otherwise. */
export async function findUserIdByEmail(db: Db, email: string): Promise<number> {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  if (!user) throw invalid("user_not_found", `No user with email ${email.trim()}.`);
  return user.id;
}
