import { z } from "zod";
import { timestampSchema } from "@/lib/api/entity-schemas";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";

export const activateFamilyBodySchema = z
  .strictObject({
    // Codes are lowercase; a code retyped in capitals or with spaces around it still finds its request.
    code: z
      .string()
      .trim()
      .toLowerCase()
      .min(1)
      .max(64)
      .meta({ description: "The family code (32 characters of [0-9a-z]).", example: "k3v9q0x2m7c4b8n1z5r6t0y2w4e8u1i3" }),
  })
  .meta({ id: "ActivateFamilyRequest" });

export const activateFamilyResponseSchema = z
  .object({
    code: z.string().meta({ description: "The code activated." }),
    subscription: z
      .object({
        start_at: timestampSchema,
        end_at: timestampSchema,
        code: z.string().meta({ description: "The child subscription's type code." }),
        access: z.array(z.string()).meta({ description: "Content access codes the child subscription gives." }),
      })
      .meta({ description: "The child subscription created for the user." }),
  })
  .meta({ id: "ActivateFamilyResponse" });

export const activateFamilyOperation = defineOperation({
  operationId: "activateFamilyRequest",
  summary: "Activate a family code",
  description:
    "Gives the signed-in user a child subscription (kind `family`) from a master's code. Of concurrent activations " +
    "of one code exactly one succeeds; the others get 409 `family_request_wrong_status`.",
  tags: ["Family"],
  auth: { token: "user" },
  body: activateFamilyBodySchema,
  responses: { "201": { description: "Activated.", content: jsonContent(activateFamilyResponseSchema) } },
  errors: {
    400: ["family_request_expired", "family_request_one_per_user", "family_request_self_use_forbidden"],
    404: ["family_request_not_found"],
    409: ["family_request_wrong_status"],
  },
});
