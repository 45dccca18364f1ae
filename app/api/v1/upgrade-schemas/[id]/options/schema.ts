import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { codeSchema } from "@/lib/subscriptions/subscription-type-schemas";
import { UPGRADE_TYPES, upgradeOptionConfigSchema } from "@/lib/upgrades/option-config";
import { upgradeOptionJsonSchema } from "@/lib/upgrades/admin/upgrade-schema-json";
import { upgradeSchemaPathParams } from "../../schema";

export const createUpgradeOptionBodySchema = z
  .strictObject({
    type: z.enum(UPGRADE_TYPES).meta({ description: "The upgrade method." }),
    config: upgradeOptionConfigSchema,
    subscription_type_code: codeSchema
      .nullable()
      .optional()
      .meta({ description: "An explicit target type; absent or null resolves the cheapest matching default type." }),
  })
  .meta({ id: "CreateUpgradeOptionRequest" });

export const upgradeOptionResponseSchema = z.object({ option: upgradeOptionJsonSchema }).meta({ id: "UpgradeOptionResponse" });

export const createUpgradeOptionOperation = {
  ...defineOperation({
    operationId: "createUpgradeOption",
    summary: "Add an option to an upgrade schema",
    tags: ["Upgrades"],
    auth: { token: "api", scope: "upgrades" },
    body: createUpgradeOptionBodySchema,
    responses: { "201": { description: "Created.", content: jsonContent(upgradeOptionResponseSchema) } },
    errors: { 400: ["content_access_not_found", "subscription_type_not_found"], 404: ["upgrade_schema_not_found"] },
  }),
  ...upgradeSchemaPathParams,
};
