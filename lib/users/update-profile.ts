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

/** Change a user's name, postal address (printed on their receipts), language or time zone. */
export async function updateProfile(db: Db, options: UpdateProfileOptions): Promise<User> {
  const parsed = profileSchema.partial().parse(options.changes);
  const changes = Object.fromEntries(
    Object.entries(parsed).filter(([, value]) => value !== undefined),
  );
  if (Object.keys(changes).length === 0)
    throw invalid("validation_error", "Send at least one field to change.");
  // In a transaction: staff changing their own profile are audited (lib/db/connect.ts).
  const [user] = await db.transaction((tx) =>
    tx.update(users).set(changes).where(eq(users.id, options.userId)).returning(),
  );
  if (!user) throw notFound("user_not_found", "No such user.");
  return user;
}
