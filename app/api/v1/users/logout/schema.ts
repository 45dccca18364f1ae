import { defineOperation } from "@/lib/api/openapi-operations";

export const logoutOperation = defineOperation({
  operationId: "logout",
  summary: "Revoke the user token of this request",
  description: "The token stops working at once. Other tokens of the user are untouched.",
  tags: ["Users"],
  auth: { token: "user" },
  responses: { "204": { description: "Revoked." } },
});
