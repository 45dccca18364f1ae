import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/define-operation";
import { codeSchema } from "@/lib/subscriptions/schemas";
import { upgradeSchemaNameSchema } from "@/lib/upgrades/schemas";
import {
  upgradeOptionJsonSchema,
  upgradeSchemaJsonSchema,
} from "@/lib/upgrades/admin/upgrade-schema-json";
import { UPGRADE_TYPES, upgradeOptionConfigSchema } from "@/lib/upgrades/option-config";

export const createUpgradeSchemaBodySchema = z
  .strictObject({ name: upgradeSchemaNameSchema.meta({ description: "Unique." }) })
  .meta({ id: "CreateUpgradeSchemaRequest" });

export const upgradeSchemaResponseSchema = z
  .object({ upgrade_schema: upgradeSchemaJsonSchema })
  .meta({ id: "UpgradeSchemaResponse" });
export const upgradeSchemaListSchema = z
  .object({ upgrade_schemas: z.array(upgradeSchemaJsonSchema) })
  .meta({ id: "UpgradeSchemaList" });

export const upgradeSchemaPathParams = {
  requestParams: {
    path: z.object({
      id: z.number().int().positive().meta({ description: "The upgrade schema id." }),
    }),
  },
};

export const listUpgradeSchemasOperation = defineOperation({
  operationId: "listUpgradeSchemas",
  summary: "List upgrade schemas",
  tags: ["Upgrades"],
  auth: { token: "api", scope: "upgrades" },
  responses: {
    "200": {
      description: "The schemas by name, with option counts and linked types.",
      content: jsonContent(upgradeSchemaListSchema),
    },
  },
});

export const createUpgradeSchemaOperation = defineOperation({
  operationId: "createUpgradeSchema",
  summary: "Create an upgrade schema",
  tags: ["Upgrades"],
  auth: { token: "api", scope: "upgrades" },
  body: createUpgradeSchemaBodySchema,
  responses: {
    "201": { description: "Created.", content: jsonContent(upgradeSchemaResponseSchema) },
  },
  errors: { 409: ["upgrade_schema_name_taken"] },
});

export const createUpgradeOptionBodySchema = z
  .strictObject({
    type: z.enum(UPGRADE_TYPES).meta({ description: "The upgrade method." }),
    config: upgradeOptionConfigSchema,
    subscription_type_code: codeSchema.nullable().optional().meta({
      description:
        "An explicit target type; absent or null resolves the cheapest matching default type.",
    }),
  })
  .meta({ id: "CreateUpgradeOptionRequest" });

export const upgradeOptionResponseSchema = z
  .object({ option: upgradeOptionJsonSchema })
  .meta({ id: "UpgradeOptionResponse" });

export const createUpgradeOptionOperation = {
  ...defineOperation({
    operationId: "createUpgradeOption",
    summary: "Add an option to an upgrade schema",
    tags: ["Upgrades"],
    auth: { token: "api", scope: "upgrades" },
    body: createUpgradeOptionBodySchema,
    responses: {
      "201": { description: "Created.", content: jsonContent(upgradeOptionResponseSchema) },
    },
    errors: {
      400: ["content_access_not_found", "subscription_type_not_found"],
      404: ["upgrade_schema_not_found"],
    },
  }),
  ...upgradeSchemaPathParams,
};

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
  .object({
    subscription_type_codes: z
      .array(z.string())
      .meta({ description: "Every type linked to the schema now." }),
  })
  .meta({ id: "UpgradeSchemaSubscriptionTypes" });

export const linkUpgradeSchemaSubscriptionTypesOperation = {
  ...defineOperation({
    operationId: "linkUpgradeSchemaSubscriptionTypes",
    summary: "Link subscription types to an upgrade schema",
    description:
      "Adds links idempotently (existing links stay) and answers with the schema's whole linked list.",
    tags: ["Upgrades"],
    auth: { token: "api", scope: "upgrades" },
    body: linkSubscriptionTypesBodySchema,
    responses: {
      "200": {
        description: "Linked.",
        content: jsonContent(linkedSubscriptionTypesResponseSchema),
      },
    },
    errors: { 400: ["subscription_type_not_found"], 404: ["upgrade_schema_not_found"] },
  }),
  ...upgradeSchemaPathParams,
};
