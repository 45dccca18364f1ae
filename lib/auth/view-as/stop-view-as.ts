import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db";
import type { ViewAs } from "./current-view-as";

/** End a view of a customer's account: the audit entry `users.view-as-stop` (the caller drops the cookie). */
export async function stopViewAs(
  db: Db,
  options: { view: ViewAs; clientAddress: string | null },
): Promise<void> {
  const { staff, customer } = options.view;
  await recordAuditEvent(db, {
    actor: { kind: "user", userId: staff.id, email: staff.email },
    action: "users.view-as-stop",
    entityType: "users",
    entityId: String(customer.id),
    details: { customer_email: customer.email },
    clientAddress: options.clientAddress,
  });
}
