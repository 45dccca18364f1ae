import "server-only";
import { eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import { users, type User } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { authOptions } from "./auth-options";
import { forbidden } from "./forbidden";
import { can, isStaff, type Permission } from "./permissions";

/**
 * The signed-in user, read from the database (not only the JWT), so a demoted or deleted account loses access at
 * once. Null when nobody is signed in, and for a session issued before the user's last password change or reset
 * (its session version is older than the user's): that is how other browsers are signed out.
 */
export async function currentUser(): Promise<User | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (typeof id !== "number") return null;
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!user || (session?.user?.sessionVersion ?? 0) !== user.sessionVersion) return null;
  return user;
}

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUserPage(callbackUrl: string): Promise<User> {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return user;
}

/**
 * For staff pages: a staff member whose role has `permission`, or a redirect: signed out → sign in; customer → their
 * account, which says the area is for staff; staff without the permission → /admin/no-access, which names what is
 * missing and who can grant it.
 */
export async function requireStaffPage(callbackUrl: string, permission: Permission): Promise<User> {
  const user = await requireUserPage(callbackUrl);
  if (!isStaff(user.role)) redirect("/account?denied=admin");
  if (!can(user.role, permission)) {
    redirect(`/admin/no-access?${new URLSearchParams({ needs: permission, from: callbackUrl })}`);
  }
  return user;
}

/** For server actions and handlers: the user, or an AppError (401/403). */
export async function requireUser(): Promise<User> {
  const user = await currentUser();
  if (!user) throw new AppError("unauthenticated", "Sign in first.", 401);
  return user;
}

/** For staff server actions and handlers: a user whose role has `permission`, or an AppError (401/403). */
export async function requireStaff(permission: Permission): Promise<User> {
  const user = await requireUser();
  if (!can(user.role, permission)) throw forbidden(user.role, permission);
  return user;
}
