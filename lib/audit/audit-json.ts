import { z } from "zod";
import { timestampSchema } from "@/lib/api/response-schemas";
import { AUDIT_OPERATIONS } from "./audited-tables";
import type { AuditLogEntry } from "./list-audit-log";

const fieldsSchema = z
  .record(z.string(), z.unknown())
  .nullable()
  .meta({
    description:
      "The changed fields (column names) and their values; for an insert every set field is in `after`, for a " +
      "delete in `before`. Hashes are never copied: a changed one reads `(hidden)` → `(changed)`.",
  });

/** One audit log entry as the v1 API shows it: schema for OpenAPI and the mapping. */
export const auditLogEntrySchema = z
  .object({
    id: z.number().int(),
    occurred_at: timestampSchema,
    request_id: z
      .string()
      .meta({ description: "Entries of one server action or API request share it." }),
    actor: z.object({
      kind: z.enum(["user", "api_token"]),
      id: z.number().int().nullable().meta({ description: "The staff member's or token's id." }),
      label: z.string().meta({ description: "The email or `token <name>` as it was then." }),
      current_name: z.string().nullable().meta({
        description: "The staff member's email or the token's name now; null once deleted.",
      }),
    }),
    action: z.string().meta({
      description:
        "The server action (`users.change-role`) or the API request (`POST /api/v1/segments`).",
      example: "users.change-role",
    }),
    entity_type: z.string().meta({ description: "The changed table.", example: "users" }),
    entity_id: z.string().nullable().meta({ description: "The changed row's id (or key)." }),
    operation: z.enum(AUDIT_OPERATIONS),
    before: fieldsSchema,
    after: fieldsSchema,
    client_address: z.string().nullable(),
  })
  .meta({ id: "AuditLogEntry" });
export type AuditLogEntryJson = z.output<typeof auditLogEntrySchema>;

export const auditLogListSchema = z
  .object({ entries: z.array(auditLogEntrySchema), total: z.number().int() })
  .meta({ id: "AuditLogList" });

export function serializeAuditLogEntry(row: AuditLogEntry): AuditLogEntryJson {
  const byToken = row.actorTokenId !== null;
  return {
    id: row.id,
    occurred_at: row.occurredAt.toISOString(),
    request_id: row.requestId,
    actor: {
      kind: byToken ? "api_token" : "user",
      id: byToken ? row.actorTokenId : row.actorUserId,
      label: row.actorLabel,
      current_name: byToken ? row.actorTokenName : row.actorUserEmail,
    },
    action: row.action,
    entity_type: row.entityType,
    entity_id: row.entityId,
    operation: row.operation,
    before: row.before,
    after: row.after,
    client_address: row.clientAddress,
  };
}
