import "server-only";
import { eq, or } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { users, type User, type UserRole } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";

/** Change a user's role. The last admin cannot be demoted, so nobody locks everyone out of the admin. */
export async function changeUserRole(
  db: Db,
  options: { userId: number; role: UserRole },
): Promise<User> {
  return db.transaction(async (tx) => {
    // Lock the target and every admin, so two concurrent demotions cannot both see "another admin remains".
    const locked = await tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(or(eq(users.id, options.userId), eq(users.role, "admin")))
      .orderBy(users.id)
      .for("update");
    const target = locked.find((row) => row.id === options.userId);
    if (!target) throw notFound("user_not_found", "No such user.");
    const admins = locked.filter((row) => row.role === "admin");
    if (target.role === "admin" && options.role !== "admin" && admins.length <= 1) {
      throw new AppError("last_admin", "The last admin cannot be demoted.", 409);
    }
    const [updated] = await tx
      .update(users)
      .set({ role: options.role })
      .where(eq(users.id, target.id))
      .returning();
    if (!updated) throw notFound("user_not_found", "No such user.");
    return updated;
  });
}
