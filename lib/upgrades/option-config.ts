import { z } from "zod";
import { codeSchema } from "@/lib/subscriptions/schemas";

/** Upgrade option config (design.md "Upgrades"), validated on every save. UI-safe. */

export const UPGRADE_TYPES = ["paid_recurrent", "free_recurrent", "paid_extend", "short"] as const;
export type UpgradeMethod = (typeof UPGRADE_TYPES)[number];

export const UPGRADE_TYPE_LABELS: Record<UpgradeMethod, string> = {
  paid_recurrent: "Paid, recurrent (charge the card now)",
  free_recurrent: "Free, recurrent (new price at next renewal)",
  paid_extend: "Paid, extend (pay for a full new period)",
  short: "Short (remaining value buys fewer days)",
};

export const upgradeTagSchema = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, { message: "Tags use lowercase letters, digits, - and _." });

/** Sorted, de-duplicated: tags are compared as sets. */
export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag !== ""))].sort();
}

/** `?tags=a,b` (or repeated) into a normalized tag list; invalid tags are refused by the caller's schema. */
export function parseTagsParam(value: string | readonly string[] | null | undefined): string[] {
  if (value === null || value === undefined) return [];
  const parts = (typeof value === "string" ? [value] : value).flatMap((part) => part.split(","));
  return normalizeTags(parts);
}

export const MAX_MONTHLY_FIX_CENTS = 1_000_000;

export const upgradeOptionConfigSchema = z
  .strictObject({
    require_content: z
      .array(codeSchema)
      .min(1, { message: "Choose at least one content access the upgrade adds." })
      .max(20)
      .transform(normalizeTags),
    omit_content: z.array(codeSchema).max(20).transform(normalizeTags).optional(),
    monthly_fix: z
      .int()
      .min(1, { message: "The monthly fix must be at least 0.01." })
      .max(MAX_MONTHLY_FIX_CENTS)
      .optional()
      .meta({
        description:
          "Price raise per 31 days, in cents: the target costs the base price plus this.",
      }),
    require_tags: z.array(upgradeTagSchema).max(10).transform(normalizeTags).optional(),
  })
  .superRefine((config, ctx) => {
    const both = (config.omit_content ?? []).filter((code) =>
      config.require_content.includes(code),
    );
    if (both.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["omit_content"],
        message: `A content access cannot be both required and omitted: ${both.join(", ")}.`,
      });
    }
  });
export type UpgradeOptionConfigInput = z.input<typeof upgradeOptionConfigSchema>;
export type ParsedUpgradeOptionConfig = z.output<typeof upgradeOptionConfigSchema>;
