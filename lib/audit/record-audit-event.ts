import "server-only";
import type { Db } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";
import { currentAuditContext } from "./audit-context";

/** Who did it, as the audit log names them: a staff member or an API token. */
export type AuditEventActor =
  | { kind: "user"; userId: number; email: string }
  | { kind: "api_token"; tokenId: number; name: string };

export interface AuditEvent {
  actor: AuditEventActor;
  /** What was done (`export.users`, `users.view-as-start`). */
  action: string;
  /** What it concerned: a table's name and, for one row, its id. */
  entityType: string;
  entityId?: string | null;
  /** What the entry should show about it (the export's filters, …). */
  details?: Record<string, unknown>;
  clientAddress: string | null;
}

/**
 * Record something staff or a token did that changed no row — reading an export, viewing a customer's account — as
 * one audit log entry of operation `event` (the row trigger records only changes). It is written on its own, not in
 * the caller's transaction: the record stays even when what follows fails.
 */
export async function recordAuditEvent(db: Db, event: AuditEvent): Promise<void> {
  await db.insert(auditLog).values({
    // Inside a staff action, the entry belongs with the rest of what the action did.
    requestId: currentAuditContext()?.requestId ?? crypto.randomUUID(),
    actorUserId: event.actor.kind === "user" ? event.actor.userId : null,
    actorTokenId: event.actor.kind === "api_token" ? event.actor.tokenId : null,
    actorLabel: event.actor.kind === "user" ? event.actor.email : `token ${event.actor.name}`,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    operation: "event",
    before: null,
    after: event.details ?? null,
    clientAddress: event.clientAddress,
  });
}
