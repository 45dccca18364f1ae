import { z } from "zod";
import { timestampSchema } from "@/lib/api/response-schemas";
import {
  discountKind,
  referralRewardRole,
  referralSource,
  referralStatus,
  type DiscountCode,
  type Referral,
} from "@/lib/db/schema";
import { maskEmail } from "@/lib/mask-email";
import type { UserReward } from "./list-user-referrals";

/** A customer's referrals in the v1 API's snake_case JSON: the response schemas (also in OpenAPI) and the row → JSON mapping. */

export const referralSchema = z
  .object({
    id: z.number().int(),
    email: z.string().meta({
      description:
        "The friend's address: as invited, or masked (`j•••e@example.com`) when they came through the link.",
    }),
    name: z.string().nullable(),
    status: z.enum(referralStatus.enumValues).meta({
      description:
        "`pending` until the program's trigger fires; `complete` once rewarded; `error` while a reward waits for a retry.",
    }),
    source: z
      .enum(referralSource.enumValues)
      .meta({ description: "`invitation` (by email) or `link` (the /r/<code> link)." }),
    under_review: z
      .boolean()
      .meta({ description: "Held for a person to check before any reward." }),
    reward_capped: z.boolean().meta({
      description: "Completed past the program's cap on rewards: nothing was granted for it.",
    }),
    created_at: timestampSchema,
    completed_at: timestampSchema.nullable(),
    expires_at: timestampSchema
      .nullable()
      .meta({ description: "When a pending referral expires, if the program has a time limit." }),
  })
  .meta({ id: "Referral" });
export type ReferralJson = z.output<typeof referralSchema>;

export const discountCodeSchema = z
  .object({
    code: z.string().meta({ description: "What to enter at checkout." }),
    kind: z.enum(discountKind.enumValues),
    percent_off: z.number().int().nullable(),
    amount_off_cents: z.number().int().nullable(),
    expires_at: timestampSchema.nullable(),
    used_at: timestampSchema
      .nullable()
      .meta({ description: "When the payment it was applied to was paid." }),
  })
  .meta({ id: "DiscountCode" });
export type DiscountCodeJson = z.output<typeof discountCodeSchema>;

export const referralRewardSchema = z
  .object({
    id: z.number().int(),
    referral_id: z.number().int(),
    role: z
      .enum(referralRewardRole.enumValues)
      .meta({ description: "`referrer` (you invited) or `friend` (you were invited)." }),
    type: z
      .string()
      .meta({ description: "The reward type: `free_days`, `discount` or `no_reward`." }),
    description: z.string().meta({ description: 'What was granted, for people ("30 free days").' }),
    created_at: timestampSchema,
    discount_code: discountCodeSchema
      .nullable()
      .meta({ description: "The code a `discount` reward gave; null otherwise." }),
  })
  .meta({ id: "ReferralReward" });
export type ReferralRewardJson = z.output<typeof referralRewardSchema>;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * A referral as the referrer's API shows it (snake_case, ISO timestamps). An invited address is shown as typed; the
 * address of a friend who came through the link is the friend's own, which the referrer never gave, so it is masked.
 */
export function serializeReferral(referral: Referral): ReferralJson {
  return {
    id: referral.id,
    email:
      referral.source === "invitation" ? referral.referredEmail : maskEmail(referral.referredEmail),
    name: referral.referredName,
    status: referral.status,
    source: referral.source,
    under_review: referral.review === "flagged",
    reward_capped: referral.rewardCapped,
    created_at: referral.createdAt.toISOString(),
    completed_at: iso(referral.completedAt),
    expires_at: iso(referral.expiresAt),
  };
}

export function serializeDiscountCode(code: DiscountCode): DiscountCodeJson {
  return {
    code: code.code,
    kind: code.kind,
    percent_off: code.percentOff,
    amount_off_cents: code.amountOffCents,
    expires_at: iso(code.expiresAt),
    used_at: iso(code.usedAt),
  };
}

export function serializeReferralReward({ reward, discountCode }: UserReward): ReferralRewardJson {
  return {
    id: reward.id,
    referral_id: reward.referralId,
    role: reward.role,
    type: reward.rewardType,
    description: reward.description,
    created_at: reward.createdAt.toISOString(),
    discount_code: discountCode ? serializeDiscountCode(discountCode) : null,
  };
}
