import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { users, type User } from "@/lib/db/schema";
import { invalid, notFound } from "@/lib/errors";
import { profileSchema, type ProfileInput } from "./schemas";

export interface UpdateProfileOptions {
  /** Whose profile: the signed-in user's id from the session or the user token, never from the input. */
  userId: number;
  /** Only the fields given change; address fields take null (or empty text) to clear them. */
  changes: Partial<ProfileInput>;
}

/** Change a user's name and postal address (the address is printed on their receipts). */
export async function updateProfile(db: Db, options: UpdateProfileOptions): Promise<User> {
  const parsed = profileSchema.partial().parse(options.changes);
  const changes = Object.fromEntries(
    Object.entries(parsed).filter(([, value]) => value !== undefined),
  );
  if (Object.keys(changes).length === 0)
    throw invalid("validation_error", "Send at least one field to change.");
  const [user] = await db
    .update(users)
    .set(changes)
    .where(eq(users.id, options.userId))
    .returning();
  if (!user) throw notFound("user_not_found", "No such user.");
  return user;
}
