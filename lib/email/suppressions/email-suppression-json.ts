import { z } from "zod";
import { timestampSchema } from "@/lib/api/response-schemas";
import type { EmailSuppression } from "@/lib/db/schema";
import { SUPPRESSION_REASONS } from "./schemas";

/** The v1 API's JSON of an email suppression. UI-safe. */
export const emailSuppressionJsonSchema = z
  .object({
    id: z.number().int(),
    address: z.string().meta({ description: "Lower-cased." }),
    reason: z.string().meta({ description: `One of ${SUPPRESSION_REASONS.join(", ")}.` }),
    detail: z.string().nullable(),
    email_log_id: z
      .number()
      .int()
      .nullable()
      .meta({ description: "The email whose bounce or complaint suppressed the address." }),
    created_at: timestampSchema,
    active: z.boolean(),
    lifted_at: timestampSchema.nullable(),
    lifted_by_user_id: z.number().int().nullable(),
  })
  .meta({ id: "EmailSuppression" });

export function serializeEmailSuppression(
  row: Pick<
    EmailSuppression,
    "id" | "address" | "reason" | "detail" | "emailLogId" | "createdAt" | "liftedAt" | "liftedBy"
  >,
): z.infer<typeof emailSuppressionJsonSchema> {
  return {
    id: row.id,
    address: row.address,
    reason: row.reason,
    detail: row.detail,
    email_log_id: row.emailLogId,
    created_at: row.createdAt.toISOString(),
    active: row.liftedAt === null,
    lifted_at: row.liftedAt ? row.liftedAt.toISOString() : null,
    lifted_by_user_id: row.liftedBy,
  };
}
