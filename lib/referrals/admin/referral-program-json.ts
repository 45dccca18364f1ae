import { z } from "zod";
import { timestampSchema } from "@/lib/api/response-schemas";
import type { ReferralProgram } from "@/lib/db/schema";
import { programInputOf } from "../schemas";
import { describeReferralProgram, referralProgramSentence } from "./describe-referral-program";

/** Referral programs in the v1 API's snake_case JSON: the response schema (also in OpenAPI) and the row → JSON mapping. */

const choiceJsonSchema = z
  .object({
    type: z
      .string()
      .meta({ description: "The registry key (trigger, constraint or reward type)." }),
    options: z
      .record(z.string(), z.unknown())
      .meta({ description: "The entry's options, as its schema validated them." }),
  })
  .meta({ id: "ReferralRegistryChoice" });

export const referralProgramJsonSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    active: z.boolean().meta({
      description: "Inactive programs take no new referrals; their pending ones still complete.",
    }),
    is_default: z
      .boolean()
      .meta({ description: "New referrals join the default program; at most one is." }),
    triggers: z
      .array(choiceJsonSchema)
      .meta({ description: "sign_up, first_payment: any of them firing completes a referral." }),
    constraints: z
      .array(choiceJsonSchema)
      .meta({ description: "timeout_days, minimum_payment_cents: all must hold." }),
    reward: choiceJsonSchema.meta({
      description: "The referrer's reward: no_reward, free_days or discount.",
    }),
    friend_reward: choiceJsonSchema
      .nullable()
      .meta({ description: "The referred friend's reward; null = one-sided." }),
    max_rewards_per_referrer: z
      .number()
      .int()
      .nullable()
      .meta({ description: "Rewards one referrer can earn; null = no cap." }),
    review_window_days: z.number().int().meta({
      description:
        "A friend seen on the referrer's browser or IP within these days is held for review.",
    }),
    reward_hold_days: z
      .number()
      .int()
      .meta({
        description:
          "Days a reward earned by the friend's payment (first_payment) is held before it is granted; a refund within them " +
          "takes it back. 0 = granted at once. Rewards of sign_up referrals are never held.",
      }),
    summary: z.string().meta({ description: "What the program does, in words." }),
    created_at: timestampSchema,
    updated_at: timestampSchema,
  })
  .meta({ id: "ReferralProgram" });
export type ReferralProgramJson = z.output<typeof referralProgramJsonSchema>;

export function serializeReferralProgram(program: ReferralProgram): ReferralProgramJson {
  return {
    id: program.id,
    ...programInputOf(program),
    summary: referralProgramSentence(describeReferralProgram(program)),
    created_at: program.createdAt.toISOString(),
    updated_at: program.updatedAt.toISOString(),
  };
}
