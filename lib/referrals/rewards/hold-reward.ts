import "server-only";
import { z } from "zod";
import { addDays } from "@/lib/clock";
import type { Referral, ReferralProgram, RegistryChoice } from "@/lib/db/schema";
import { findEntry } from "../registry";
import { rewardFailed, type GrantedReward } from "./grant-reward";
import { REFERRAL_REWARDS } from "./index";

/**
 * When the rewards of a referral completing at `completedAt` are granted: null = now. Only a reward earned by the
 * friend's payment is held (a payment can be refunded; a sign-up cannot be taken back).
 */
export function rewardGrantAt(
  program: ReferralProgram,
  referral: Referral,
  completedAt: Date,
): Date | null {
  if (
    program.rewardHoldDays <= 0 ||
    referral.trigger !== "first_payment" ||
    referral.triggerPaymentId === null
  )
    return null;
  return addDays(completedAt, program.rewardHoldDays);
}

/** What a held reward will grant, as stored in its `detail` until it is released. */
export const heldDetailSchema = z.object({
  held: z.object({ type: z.string(), options: z.record(z.string(), z.unknown()) }),
});

/**
 * A reward earned now and granted later: nothing is given, the program's choice is kept as it is today (a later
 * edit of the program does not change what was earned). Its options are checked now, so a misconfigured program
 * fails at completion as a grant would. Null for `no_reward`.
 */
export function holdReward(reward: RegistryChoice): GrantedReward | null {
  if (reward.type === "no_reward") return null;
  const entry = findEntry(REFERRAL_REWARDS, reward.type);
  if (!entry) throw rewardFailed("reward_type_unknown", `Unknown reward type "${reward.type}".`);
  const options = entry.optionsSchema.safeParse(reward.options);
  if (!options.success) {
    throw rewardFailed(
      "reward_options_invalid",
      `The ${entry.label} reward is misconfigured: ${options.error.issues[0]?.message}`,
    );
  }
  return {
    description: entry.describe(options.data),
    detail: { held: { type: reward.type, options: options.data } },
  };
}

/** Why a held reward was taken back: the payment that earned it was refunded before it was granted. */
export const REFUNDED_WHILE_HELD = "the friend's payment was refunded within the hold period";
