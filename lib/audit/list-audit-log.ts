import "server-only";
import { and, count, desc, eq, gte, ilike, inArray, lt, or, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { apiTokens, auditLog, users } from "@/lib/db/schema";
import { isAuditedTable, type AuditOperation } from "./audited-tables";
import { loadOwnerIds } from "./load-owner-ids";
import { relatedEntities } from "./related-entities";

export interface AuditLogFilters {
  actorUserId?: number;
  actorTokenId?: number;
  /** Part of the action's name (`users.`, `POST /api/v1/segments`), case-insensitively. */
  action?: string;
  entityType?: string;
  entityId?: string;
  /**
   * With an entity type and id: also the rows that belong to the entity (a user's subscriptions and payments, a
   * scenario's versions; related-entities.ts), for its history.
   */
  includeRelated?: boolean;
  /** Changes at or after this instant. */
  from?: Date;
  /** Changes before this instant. */
  until?: Date;
}

export interface ListAuditLogOptions extends AuditLogFilters {
  limit: number;
  offset: number;
}

/** One change as the log and the admin show it: the logged fields, and the actor as they are named now. */
export type AuditLogEntry = Awaited<ReturnType<typeof listAuditLog>>["rows"][number];

/** A page of the audit log, newest first, with the total that matches the filters. */
export async function listAuditLog(db: Db, options: ListAuditLogOptions) {
  const where = await filterCondition(db, options);
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        occurredAt: auditLog.occurredAt,
        requestId: auditLog.requestId,
        actorUserId: auditLog.actorUserId,
        actorTokenId: auditLog.actorTokenId,
        actorLabel: auditLog.actorLabel,
        actorUserEmail: users.email,
        actorUserName: users.name,
        actorTokenName: apiTokens.name,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        operation: auditLog.operation,
        before: auditLog.before,
        after: auditLog.after,
        clientAddress: auditLog.clientAddress,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .leftJoin(apiTokens, eq(apiTokens.id, auditLog.actorTokenId))
      .where(where)
      .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
      .limit(options.limit)
      .offset(options.offset),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  const ownerIds = await loadOwnerIds(db, rows);
  return {
    rows: rows.map((row) => ({
      ...row,
      // The trigger writes lower(TG_OP).
      operation: row.operation as AuditOperation,
      ownerIds: ownerIds.get(row.id) ?? null,
    })),
    total: totals?.total ?? 0,
  };
}

async function filterCondition(db: Db, filters: AuditLogFilters): Promise<SQL | undefined> {
  const conditions: (SQL | undefined)[] = [];
  if (filters.actorUserId !== undefined)
    conditions.push(eq(auditLog.actorUserId, filters.actorUserId));
  if (filters.actorTokenId !== undefined)
    conditions.push(eq(auditLog.actorTokenId, filters.actorTokenId));
  if (filters.action) {
    conditions.push(ilike(auditLog.action, `%${filters.action.replace(/[\\%_]/g, "\\$&")}%`));
  }
  if (filters.from) conditions.push(gte(auditLog.occurredAt, filters.from));
  if (filters.until) conditions.push(lt(auditLog.occurredAt, filters.until));
  const { entityType, entityId } = filters;
  if (filters.includeRelated && entityType && entityId && isAuditedTable(entityType)) {
    const refs = await relatedEntities(db, { entityType, entityId });
    conditions.push(
      or(
        ...refs.map((ref) =>
          and(eq(auditLog.entityType, ref.entityType), inArray(auditLog.entityId, ref.entityIds)),
        ),
      ),
    );
  } else {
    if (entityType) conditions.push(eq(auditLog.entityType, entityType));
    if (entityId) conditions.push(eq(auditLog.entityId, entityId));
  }
  return and(...conditions);
}
