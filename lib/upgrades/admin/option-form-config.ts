import { z } from "zod";
import {
  normalizeTags,
  upgradeOptionConfigSchema,
  type ParsedUpgradeOptionConfig,
} from "../option-config";

/** The admin option form's config fields → a validated config, or errors keyed by the form's field names. UI-safe. */

export interface OptionFormConfigFields {
  requireContent: string[];
  omitContent: string[];
  /** Cents; undefined when the field was left blank. */
  monthlyFix: number | undefined;
  /** Comma-separated, as typed. */
  tags: string;
}

const CONFIG_FIELDS: Record<string, keyof OptionFormConfigFields> = {
  require_content: "requireContent",
  omit_content: "omitContent",
  monthly_fix: "monthlyFix",
  require_tags: "tags",
};

export function optionConfigFromForm(
  fields: OptionFormConfigFields,
):
  | { success: true; config: ParsedUpgradeOptionConfig }
  | { success: false; fieldErrors: Record<string, string[]> } {
  const parsed = upgradeOptionConfigSchema.safeParse({
    require_content: fields.requireContent,
    ...(fields.omitContent.length > 0 ? { omit_content: fields.omitContent } : {}),
    ...(fields.monthlyFix !== undefined ? { monthly_fix: fields.monthlyFix } : {}),
    ...(fields.tags.trim() !== "" ? { require_tags: normalizeTags(fields.tags.split(",")) } : {}),
  });
  if (parsed.success) return { success: true, config: parsed.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(z.flattenError(parsed.error).fieldErrors)) {
    if (messages?.length) fieldErrors[CONFIG_FIELDS[key] ?? key] = messages;
  }
  return { success: false, fieldErrors };
}
