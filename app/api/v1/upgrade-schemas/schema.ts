import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { upgradeSchemaNameSchema } from "@/lib/upgrades/admin/upgrade-admin-inputs";
import { upgradeSchemaJsonSchema } from "@/lib/upgrades/admin/upgrade-schema-json";

export const createUpgradeSchemaBodySchema = z
  .strictObject({ name: upgradeSchemaNameSchema.meta({ description: "Unique." }) })
  .meta({ id: "CreateUpgradeSchemaRequest" });

export const upgradeSchemaResponseSchema = z.object({ upgrade_schema: upgradeSchemaJsonSchema }).meta({ id: "UpgradeSchemaResponse" });
export const upgradeSchemaListSchema = z
  .object({ upgrade_schemas: z.array(upgradeSchemaJsonSchema) })
  .meta({ id: "UpgradeSchemaList" });

/** The `{id}` path segment; anything but a positive integer names no schema. */
export const upgradeSchemaIdParamSchema = z.coerce.number().int().positive().max(2_147_483_647);
export const upgradeSchemaPathParams = {
  requestParams: { path: z.object({ id: z.number().int().positive().meta({ description: "The upgrade schema id." }) }) },
};

export const listUpgradeSchemasOperation = defineOperation({
  operationId: "listUpgradeSchemas",
  summary: "List upgrade schemas",
  tags: ["Upgrades"],
  auth: { token: "api", scope: "upgrades" },
  responses: { "200": { description: "The schemas by name, with option counts and linked types.", content: jsonContent(upgradeSchemaListSchema) } },
});

export const createUpgradeSchemaOperation = defineOperation({
  operationId: "createUpgradeSchema",
  summary: "Create an upgrade schema",
  tags: ["Upgrades"],
  auth: { token: "api", scope: "upgrades" },
  body: createUpgradeSchemaBodySchema,
  responses: { "201": { description: "Created.", content: jsonContent(upgradeSchemaResponseSchema) } },
  errors: { 409: ["upgrade_schema_name_taken"] },
});
