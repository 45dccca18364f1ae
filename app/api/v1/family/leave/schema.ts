import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { familyCodeBodyField, familyCodeCanceledSchema } from "@/lib/family/family-code-json";

export const leaveFamilyBodySchema = z
  .strictObject({ code: familyCodeBodyField.meta({ description: "The code the member activated." }) })
  .meta({ id: "LeaveFamilyRequest" });

export const leaveFamilyOperation = defineOperation({
  operationId: "leaveFamily",
  summary: "Leave a family",
  description:
    "The signed-in member leaves the family whose code they activated: their child subscription ends now, the request " +
    "is canceled with reason `left`, and the master gets a new code in its place while the master subscription runs.",
  tags: ["Family"],
  auth: { token: "user" },
  body: leaveFamilyBodySchema,
  responses: { "200": { description: "Left.", content: jsonContent(familyCodeCanceledSchema) } },
  errors: { 404: ["family_request_not_found"], 409: ["family_request_wrong_status"] },
});
