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
import { currentViewAs } from "./view-as/current-view-as";
import { readOnlyView } from "./view-as/read-only-view";

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

/** The signed-in user, or a redirect to the sign-in page. */
async function requireSignedInPage(callbackUrl: string): Promise<User> {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return user;
}

/**
 * For the customer zone's pages: the signed-in user, or a redirect to the sign-in page. While a staff member views a
 * customer's account (lib/auth/view-as; the cookie reaches /account only), the customer whose account it is: the
 * pages show their data, and every change is refused (requireUser).
 */
export async function requireUserPage(callbackUrl: string): Promise<User> {
  return (await requireUserPageView(callbackUrl)).user;
}

/**
 * requireUserPage, and whether this is a staff member's read-only view of the account: a page that records something
 * about its visitor (the referral fraud guard's sighting) must not record the staff member's visit as the customer's.
 */
export async function requireUserPageView(
  callbackUrl: string,
): Promise<{ user: User; readOnly: boolean; billingShown: boolean }> {
  const signedIn = await requireSignedInPage(callbackUrl);
  const view = await currentViewAs(signedIn);
  return {
    user: view?.customer ?? signedIn,
    readOnly: view !== null,
    // A staff member viewing the account sees its payments, card and receipts only if their role sees billing.
    billingShown: view === null || can(view.staff.role, "billing.read"),
  };
}

/**
 * For staff pages: a staff member whose role has `permission`, or a redirect: signed out → sign in; customer → their
 * account, which says the area is for staff; staff without the permission → /admin/no-access, which names what is
 * missing and who can grant it.
 */
export async function requireStaffPage(callbackUrl: string, permission: Permission): Promise<User> {
  const user = await requireSignedInPage(callbackUrl);
  if (!isStaff(user.role)) redirect("/account?denied=admin");
  if (!can(user.role, permission)) {
    redirect(`/admin/no-access?${new URLSearchParams({ needs: permission, from: callbackUrl })}`);
  }
  return user;
}

/**
 * For server actions and handlers acting for the signed-in user (every customer action): the user, or an AppError
 * (401; 403 `read_only_view` while they view a customer's account as staff — the one place every customer action,
 * form and handler passes, so none can change anything then, for the customer or for themselves).
 */
export async function requireUser(): Promise<User> {
  const user = await currentUser();
  if (!user) throw new AppError("unauthenticated", "Sign in first.", 401);
  if (await currentViewAs(user)) throw readOnlyView();
  return user;
}

/**
 * For staff server actions and handlers: a user whose role has `permission`, or an AppError (401/403). A staff action
 * acts as the staff member, never as a customer they view (the view-as cookie only reaches /account anyway).
 */
export async function requireStaff(permission: Permission): Promise<User> {
  const user = await currentUser();
  if (!user) throw new AppError("unauthenticated", "Sign in first.", 401);
  if (!can(user.role, permission)) throw forbidden(user.role, permission);
  return user;
}
