import "server-only";
import type { Db } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";
import { currentAuditContext } from "@/lib/audit/audit-context";

/**
 * Record a staff member's or token's change to a suppression in the audit log, in the transaction that makes it, as
 * the audit trigger records the tables it watches (email_suppressions is not among them: provider events change it
 * without a person). Outside an action or API request (no audit context) nothing is recorded, as with the trigger.
 */
export async function auditSuppressionChange(
  tx: Db,
  change: {
    suppressionId: number;
    operation: "insert" | "update";
    before: Record<string, unknown> | null;
    after: Record<string, unknown>;
  },
): Promise<void> {
  const context = currentAuditContext();
  if (!context) return;
  await tx.insert(auditLog).values({
    requestId: context.requestId,
    actorUserId: context.actorUserId,
    actorTokenId: context.actorTokenId,
    actorLabel: context.actorLabel,
    action: context.action,
    entityType: "email_suppressions",
    entityId: String(change.suppressionId),
    operation: change.operation,
    before: change.before,
    after: change.after,
    clientAddress: context.clientAddress,
  });
}
