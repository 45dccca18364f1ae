import { z } from "zod";
import { timestampSchema } from "@/lib/api/entity-schemas";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { familyRequests } from "@/lib/db/schema";

/** One request as REMP's family list shows it (snake_case, ISO timestamps). */
export const familyRequestItemSchema = z
  .object({
    code: z.string().meta({ description: "The code to share: /family/activate/<code> in the browser." }),
    master_user_id: z.number().int(),
    status: z.enum(familyRequests.status.enumValues).meta({ description: "`created` (free), `accepted` (used) or `canceled`." }),
    subscription_type_code: z.string().meta({ description: "The type of the child subscription this code gives." }),
    slave_user_id: z.number().int().nullable().meta({ description: "Who activated it; null while unused." }),
    created_at: timestampSchema,
    updated_at: timestampSchema,
    opened_at: timestampSchema.nullable().meta({ description: "When the activation page was first opened." }),
    accepted_at: timestampSchema.nullable(),
    canceled_at: timestampSchema.nullable(),
    expires_at: timestampSchema.nullable(),
  })
  .meta({ id: "FamilyRequest" });

export const familyListResponseSchema = z
  .object({ codes: z.array(familyRequestItemSchema).meta({ description: "Every request of the master, newest first." }) })
  .meta({ id: "FamilyRequestList" });

export const listFamilyRequestsOperation = defineOperation({
  operationId: "listFamilyRequests",
  summary: "The signed-in master's family codes",
  description: "Every family request of the user's master subscriptions, in every status, newest first.",
  tags: ["Family"],
  auth: { token: "user" },
  responses: { "200": { description: "The codes.", content: jsonContent(familyListResponseSchema) } },
});
