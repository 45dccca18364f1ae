import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { codeSchema } from "@/lib/subscriptions/subscription-type-schemas";
import { upgradeSchemaPathParams } from "../../schema";

export const linkSubscriptionTypesBodySchema = z
  .strictObject({
    subscription_type_codes: z
      .array(codeSchema)
      .min(1)
      .max(500)
      .meta({ description: "Base subscription types to link; already linked ones stay linked." }),
  })
  .meta({ id: "LinkUpgradeSchemaSubscriptionTypesRequest" });

export const linkedSubscriptionTypesResponseSchema = z
  .object({ subscription_type_codes: z.array(z.string()).meta({ description: "Every type linked to the schema now." }) })
  .meta({ id: "UpgradeSchemaSubscriptionTypes" });

export const linkUpgradeSchemaSubscriptionTypesOperation = {
  ...defineOperation({
    operationId: "linkUpgradeSchemaSubscriptionTypes",
    summary: "Link subscription types to an upgrade schema",
    description: "Adds links idempotently (existing links stay) and answers with the schema's whole linked list.",
    tags: ["Upgrades"],
    auth: { token: "api", scope: "upgrades" },
    body: linkSubscriptionTypesBodySchema,
    responses: { "200": { description: "Linked.", content: jsonContent(linkedSubscriptionTypesResponseSchema) } },
    errors: { 400: ["subscription_type_not_found"], 404: ["upgrade_schema_not_found"] },
  }),
  ...upgradeSchemaPathParams,
};
