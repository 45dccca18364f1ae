import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { listAuditLogQuerySchema } from "@/lib/api/operations/audit";
import { serializeAuditLogEntry } from "@/lib/audit/audit-json";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { auditPeriod } from "@/lib/audit/schemas";

export const GET = apiRoute(
  { auth: { token: "api", scope: "audit:read" }, query: listAuditLogQuerySchema },
  async ({ db, query }) => {
    const { rows, total } = await listAuditLog(db, {
      actorUserId: query.actor_user_id,
      actorTokenId: query.actor_token_id,
      action: query.action,
      entityType: query.entity_type,
      entityId: query.entity_id,
      includeRelated: query.include_related === "true",
      ...auditPeriod(query),
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
    return NextResponse.json({ entries: rows.map(serializeAuditLogEntry), total });
  },
);
