import "server-only";
import { and, eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { can } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { users, type User } from "@/lib/db/schema";
import { VIEW_AS_COOKIE } from "./view-as-cookie";
import { verifyViewAsToken } from "./view-as-token";

export interface ViewAs {
  /** The staff member who is looking (the signed-in user). */
  staff: User;
  /** The customer whose account they see. */
  customer: User;
  expiresAt: Date;
}

/**
 * The customer the signed-in staff member is viewing, read-only, on this request: the view-as cookie's token must be
 * signed here, unexpired, name this staff member, whose role still reads customers, and name a customer (never
 * another staff member). Null otherwise — an invalid or stale cookie is simply not a view.
 */
export async function currentViewAs(signedIn: User): Promise<ViewAs | null> {
  if (!can(signedIn.role, "customers.read")) return null;
  const token = await viewAsCookie();
  if (!token) return null;
  const claim = verifyViewAsToken(token, now());
  if (!claim || claim.staffUserId !== signedIn.id) return null;
  const db = await getDb();
  const [customer] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, claim.customerUserId), eq(users.role, "customer")))
    .limit(1);
  if (!customer) return null;
  return { staff: signedIn, customer, expiresAt: new Date(claim.expiresAt) };
}

/**
 * The view-as cookie of the request. Outside a request (a script, a test calling an action directly) there is no
 * cookie, and so no view. In a request the session read before this has already made the render dynamic.
 */
async function viewAsCookie(): Promise<string | undefined> {
  try {
    return (await cookies()).get(VIEW_AS_COOKIE)?.value;
  } catch {
    return undefined;
  }
}
