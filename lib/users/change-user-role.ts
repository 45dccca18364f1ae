import "server-only";
import { eq, or } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { users, type User, type UserRole } from "@/lib/db/schema";
import { forbidden } from "@/lib/auth/forbidden";
import { can } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { endUserSessions } from "./end-user-sessions";

/**
 * Change a user's role (who may is the caller's check: staff.manage). The last owner cannot be demoted, so nobody
 * locks everyone out of staff roles and API tokens. A change signs the user out everywhere, as a password change does
 * (session_version rises, their user API tokens are revoked), so no browser keeps acting with the old role; API
 * tokens they created are limited by the new role whenever they are used (lib/auth/authenticate-bearer.ts). Setting
 * the role a user already has changes nothing.
 */
export async function changeUserRole(
  db: Db,
  options: {
    userId: number;
    role: UserRole;
    /** The staff member making the change: still allowed to (staff.manage) once the rows are locked. */
    actorUserId?: number;
  },
): Promise<{ user: User; changed: boolean }> {
  return db.transaction(async (tx) => {
    // Lock the target, the actor and every owner, so two concurrent demotions cannot both see "another owner
    // remains", and an owner demoted a moment ago cannot go on changing roles with the check made before.
    const locked = await tx
      .select()
      .from(users)
      .where(
        or(
          eq(users.id, options.userId),
          eq(users.id, options.actorUserId ?? options.userId),
          eq(users.role, "owner"),
        ),
      )
      .orderBy(users.id)
      .for("update");
    if (options.actorUserId !== undefined) {
      const actor = locked.find((row) => row.id === options.actorUserId);
      if (!actor || !can(actor.role, "staff.manage"))
        throw forbidden(actor?.role ?? "customer", "staff.manage");
    }
    const target = locked.find((row) => row.id === options.userId);
    if (!target) throw notFound("user_not_found", "No such user.");
    if (target.role === options.role) return { user: target, changed: false };
    const owners = locked.filter((row) => row.role === "owner");
    if (target.role === "owner" && owners.length <= 1) {
      throw new AppError(
        "last_owner",
        "The last owner cannot be demoted: make someone else an owner first.",
        409,
      );
    }
    await endUserSessions(tx, target.id);
    const [updated] = await tx
      .update(users)
      .set({ role: options.role })
      .where(eq(users.id, target.id))
      .returning();
    if (!updated) throw notFound("user_not_found", "No such user.");
    return { user: updated, changed: true };
  });
}
