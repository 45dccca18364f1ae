import { z } from "zod";

export const codeSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, { message: "Use lowercase letters, digits, - and _." });

/** The pricing page's one-line description fits on a card. */
export const SUBSCRIPTION_TYPE_DESCRIPTION_MAX = 140;

export const subscriptionTypeInputSchema = z.object({
  code: codeSchema,
  name: z.string().trim().min(1).max(200),
  lengthDays: z.number().int().min(1).max(3660),
  priceCents: z.number().int().min(0).max(100_000_000),
  contentAccessCodes: z
    .array(codeSchema)
    .min(1, { message: "Choose at least one content access." }),
  active: z.boolean().default(true),
  isDefault: z.boolean().default(false),
  nextSubscriptionTypeCode: codeSchema.nullable().optional(),
  fixedEnd: z.coerce.date().nullable().optional(),
  /** Sold on the pricing page and through the purchases API. */
  offered: z.boolean().default(false),
  /** Order on the pricing page, lowest first. */
  position: z.number().int().min(0).max(10_000).default(100),
  description: z.string().trim().max(SUBSCRIPTION_TYPE_DESCRIPTION_MAX).nullable().optional(),
  /** The recommended choice of its group on the pricing page. */
  highlighted: z.boolean().default(false),
});
export type SubscriptionTypeInput = z.input<typeof subscriptionTypeInputSchema>;

export const contentAccessInputSchema = z.object({
  code: codeSchema,
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(500).nullable().optional(),
  sorting: z.number().int().min(0).max(10_000).default(100),
});
export type ContentAccessInput = z.input<typeof contentAccessInputSchema>;
