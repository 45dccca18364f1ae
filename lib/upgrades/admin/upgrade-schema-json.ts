import { z } from "zod";
import { timestampSchema } from "@/lib/api/response-schemas";
import type { UpgradeOption } from "@/lib/db/schema";
import { UPGRADE_TYPES } from "../option-config";
import type { UpgradeSchemaListRow } from "./list-upgrade-schemas";

/** Upgrade schemas and options in the v1 API's snake_case JSON: response schemas (also in OpenAPI) and row → JSON. */

export const upgradeSchemaJsonSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    option_count: z.number().int(),
    subscription_type_codes: z
      .array(z.string())
      .meta({ description: "Base subscription types linked to the schema." }),
    created_at: timestampSchema,
  })
  .meta({ id: "UpgradeSchema" });
export type UpgradeSchemaJson = z.output<typeof upgradeSchemaJsonSchema>;

export const upgradeOptionConfigJsonSchema = z
  .object({
    require_content: z.array(z.string()),
    omit_content: z.array(z.string()).optional(),
    monthly_fix: z
      .number()
      .int()
      .optional()
      .meta({ description: "Price raise per 31 days, in cents." }),
    require_tags: z.array(z.string()).optional(),
  })
  .meta({ id: "UpgradeOptionConfig" });

export const upgradeOptionJsonSchema = z
  .object({
    id: z.number().int(),
    upgrade_schema_id: z.number().int(),
    type: z.enum(UPGRADE_TYPES),
    config: upgradeOptionConfigJsonSchema,
    subscription_type_code: z.string().nullable().meta({
      description: "The explicit target type; null when the target is resolved from the config.",
    }),
    created_at: timestampSchema,
  })
  .meta({ id: "UpgradeOption" });
export type UpgradeOptionJson = z.output<typeof upgradeOptionJsonSchema>;

export function serializeUpgradeSchema(row: UpgradeSchemaListRow): UpgradeSchemaJson {
  return {
    id: row.id,
    name: row.name,
    option_count: row.optionCount,
    subscription_type_codes: row.linkedTypeCodes,
    created_at: row.createdAt.toISOString(),
  };
}

export function serializeUpgradeOption(
  option: UpgradeOption,
  targetTypeCode: string | null,
): UpgradeOptionJson {
  return {
    id: option.id,
    upgrade_schema_id: option.upgradeSchemaId,
    type: option.type,
    config: option.config,
    subscription_type_code: targetTypeCode,
    created_at: option.createdAt.toISOString(),
  };
}
