import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { familyCodeBodyField, familyCodeCanceledSchema } from "@/lib/family/family-code-json";

export const revokeFamilyBodySchema = z
  .strictObject({ code: familyCodeBodyField.meta({ description: "An unused code of the master's." }) })
  .meta({ id: "RevokeFamilyRequest" });

export const revokeFamilyResponseSchema = familyCodeCanceledSchema
  .extend({ replacement_code: z.string().meta({ description: "The new code issued in its place." }) })
  .meta({ id: "RevokeFamilyResponse" });

export const revokeFamilyOperation = defineOperation({
  operationId: "revokeFamilyCode",
  summary: "Revoke an unused family code",
  description:
    "The signed-in master withdraws a code nobody has used (a link shared with the wrong person): it is canceled with " +
    "reason `revoked` and a new code replaces it. Of a revoke and an activation of one code exactly one succeeds.",
  tags: ["Family"],
  auth: { token: "user" },
  body: revokeFamilyBodySchema,
  responses: { "200": { description: "Revoked.", content: jsonContent(revokeFamilyResponseSchema) } },
  errors: { 400: ["family_request_expired"], 404: ["family_request_not_found"], 409: ["family_request_wrong_status"] },
});
