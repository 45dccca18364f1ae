import "server-only";
import { eq } from "drizzle-orm";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { users, type User } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { VIEW_AS_TTL_MINUTES } from "./view-as-cookie";
import { signViewAsToken } from "./view-as-token";

/**
 * Let a staff member view a customer's account read-only: a signed token for the view-as cookie, valid
 * VIEW_AS_TTL_MINUTES, and an audit entry `users.view-as-start` naming the staff member. Only customers can be
 * viewed: staff accounts (the viewer's own included) are refused. The caller has checked `customers.read`.
 */
export async function startViewAs(
  db: Db,
  options: { staff: User; customerUserId: number; clientAddress: string | null },
): Promise<{ token: string; expiresAt: Date; customer: User }> {
  const [customer] = await db
    .select()
    .from(users)
    .where(eq(users.id, options.customerUserId))
    .limit(1);
  if (!customer) throw notFound("user_not_found", `No user with id ${options.customerUserId}.`);
  if (customer.role !== "customer") {
    throw new AppError(
      "view_as_staff_refused",
      "Only a customer's account can be viewed; staff accounts cannot.",
      403,
    );
  }
  const expiresAt = new Date(now().getTime() + VIEW_AS_TTL_MINUTES * 60_000);
  await recordAuditEvent(db, {
    actor: { kind: "user", userId: options.staff.id, email: options.staff.email },
    action: "users.view-as-start",
    entityType: "users",
    entityId: String(customer.id),
    details: { customer_email: customer.email, expires_at: expiresAt.toISOString() },
    clientAddress: options.clientAddress,
  });
  const token = signViewAsToken({
    staffUserId: options.staff.id,
    customerUserId: customer.id,
    expiresAt: expiresAt.getTime(),
  });
  return { token, expiresAt, customer };
}
