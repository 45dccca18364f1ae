import { z } from "zod";
import { timestampSchema } from "@/lib/api/response-schemas";
import { referralReview, referralSource, referralStatus } from "@/lib/db/schema";
import type { ReferralRow } from "./list-referrals";

/** A referral as the admin API shows it (every field, addresses unmasked): schema for OpenAPI and the mapping. */
export const referralAdminJsonSchema = z
  .object({
    id: z.number().int(),
    referrer: z.object({ id: z.number().int(), email: z.string() }),
    email: z.string().meta({
      description:
        "The friend's address (invited, or the account's when they came through the link).",
    }),
    name: z.string().nullable(),
    friend_user_id: z
      .number()
      .int()
      .nullable()
      .meta({ description: "The friend's account, once registered." }),
    program: z.object({ id: z.number().int(), name: z.string() }),
    status: z.enum(referralStatus.enumValues),
    source: z.enum(referralSource.enumValues),
    flags: z
      .array(z.string())
      .meta({ description: "Fraud-guard findings: `same_browser`, `same_ip`, `email_alias`." }),
    review: z
      .enum(referralReview.enumValues)
      .nullable()
      .meta({ description: "`flagged` = waiting for review; then `approved` or `rejected`." }),
    trigger: z
      .string()
      .nullable()
      .meta({ description: "The trigger that fired (kept while a flagged referral waits)." }),
    triggered_at: timestampSchema.nullable(),
    error_reason: z
      .string()
      .nullable()
      .meta({ description: "Why the last reward attempt failed (status `error`)." }),
    reward_capped: z.boolean(),
    expires_at: timestampSchema.nullable(),
    completed_at: timestampSchema.nullable(),
    created_at: timestampSchema,
  })
  .meta({ id: "ReferralAdmin" });
export type ReferralAdminJson = z.output<typeof referralAdminJsonSchema>;

export function serializeReferralRow(row: ReferralRow): ReferralAdminJson {
  return {
    id: row.id,
    referrer: { id: row.referrerUserId, email: row.referrerEmail },
    email: row.friendEmail ?? row.referredEmail,
    name: row.referredName,
    friend_user_id: row.referredUserId,
    program: { id: row.programId, name: row.programName },
    status: row.status,
    source: row.source,
    flags: row.flags,
    review: row.review,
    trigger: row.trigger,
    triggered_at: row.triggeredAt?.toISOString() ?? null,
    error_reason: row.errorReason,
    reward_capped: row.rewardCapped,
    expires_at: row.expiresAt?.toISOString() ?? null,
    completed_at: row.completedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
  };
}
