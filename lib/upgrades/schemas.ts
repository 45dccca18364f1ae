import { z } from "zod";
import { codeSchema } from "@/lib/subscriptions/schemas";
import { UPGRADE_TYPES, upgradeOptionConfigSchema } from "./option-config";

/** Inputs of the upgrade configuration (schemas, options, links), shared by the admin, the API and the services. UI-safe. */

export const upgradeSchemaNameSchema = z
  .string()
  .trim()
  .min(1, { message: "Give the schema a name." })
  .max(200, { message: "At most 200 characters." });

export const upgradeOptionInputSchema = z.object({
  type: z.enum(UPGRADE_TYPES, { message: "Choose an upgrade method." }),
  config: upgradeOptionConfigSchema,
  /** The explicit target type; null or absent resolves the target from the config. */
  targetTypeCode: codeSchema.nullable().optional(),
});
export type UpgradeOptionInput = z.input<typeof upgradeOptionInputSchema>;

export const subscriptionTypeCodesSchema = z.array(codeSchema).max(500);
