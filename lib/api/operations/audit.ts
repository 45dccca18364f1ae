import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/define-operation";
import { pageQueryFields } from "@/lib/api/scenario-route-params";
import { auditLogListSchema } from "@/lib/audit/audit-json";
import { AUDITED_TABLE_NAMES } from "@/lib/audit/audited-tables";
import { auditDateBoundSchema } from "@/lib/audit/schemas";

const INT4_MAX = 2_147_483_647;
const idField = z.coerce.number().int().positive().max(INT4_MAX).optional();
const dateBound = (which: string) =>
  auditDateBoundSchema.optional().meta({
    description: `${which} (included): a day (\`2026-03-01\`, UTC) or a timestamp with its offset.`,
  });

/** The query of GET /audit-log: the admin audit page's filters, plus paging. */
export const listAuditLogQuerySchema = z
  .strictObject({
    actor_user_id: idField.meta({ description: "Changes made by this staff member." }),
    actor_token_id: idField.meta({ description: "Changes made through this API token." }),
    action: z.string().trim().min(1).max(200).optional().meta({
      description: "Part of the action's name, e.g. `users.` or `POST /api/v1/segments`.",
    }),
    entity_type: z.enum(AUDITED_TABLE_NAMES).optional().meta({ description: "The changed table." }),
    entity_id: z.string().trim().min(1).max(200).optional(),
    include_related: z
      .enum(["true", "false"])
      .optional()
      .meta({
        description:
          "`true` with `entity_type` and `entity_id`: also the rows that belong to the entity (a user's " +
          "subscriptions, payments, recurrent payments, family codes, referrals and goal completions; a " +
          "scenario's versions; a subscription type's content and upgrade links; an upgrade schema's options).",
      }),
    from: dateBound("The period's start"),
    to: dateBound("The period's end"),
    ...pageQueryFields,
  })
  .refine(
    (query) =>
      query.include_related !== "true" ||
      (query.entity_type !== undefined && query.entity_id !== undefined),
    { message: "include_related needs entity_type and entity_id.", path: ["include_related"] },
  );

export const listAuditLogOperation = defineOperation({
  operationId: "listAuditLog",
  summary: "Read the audit log",
  description:
    "What staff (server actions) and API tokens (requests other than GET) changed, newest first: one entry per " +
    "changed row, with only the changed fields. Customers' own changes and the system's work are not logged.",
  tags: ["Audit"],
  auth: { token: "api", scope: "audit:read" },
  query: listAuditLogQuerySchema,
  responses: {
    "200": {
      description: "A page of entries and the total that matches.",
      content: jsonContent(auditLogListSchema),
    },
  },
});
