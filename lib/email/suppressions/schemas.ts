import { z } from "zod";

/** Why an address is suppressed (email_suppressions.reason). UI-safe. */
export const SUPPRESSION_REASONS = ["hard_bounce", "complaint", "manual", "unsubscribed"] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

export const SUPPRESSION_REASON_LABELS: Record<SuppressionReason, string> = {
  hard_bounce: "Hard bounce",
  complaint: "Complaint",
  manual: "Added by staff",
  unsubscribed: "Unsubscribed",
};

/** An address as suppressions hold it: trimmed and lower-cased. */
export const suppressionAddressSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter an email address." }).max(320));

export const addEmailSuppressionSchema = z.object({
  address: suppressionAddressSchema,
  detail: z.string().trim().max(500).optional(),
});
export type AddEmailSuppressionInput = z.input<typeof addEmailSuppressionSchema>;
