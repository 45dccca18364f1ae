import { z } from "zod";
import type { ReferralProgram } from "@/lib/db/schema";
import { REFERRAL_CONSTRAINTS } from "./constraints";
import { findEntry, type ReferralRegistryEntry } from "./registry";
import { REFERRAL_REWARDS } from "./rewards";
import { REFERRAL_TRIGGERS } from "./triggers";

const choice = z.object({
  type: z.string().trim().min(1).max(100),
  options: z.record(z.string(), z.unknown()).default({}),
});

/** Validate a chosen entry's options with its registry schema; the parsed options replace the raw ones. */
function checkChoice(
  registry: readonly ReferralRegistryEntry[],
  value: { type: string; options: Record<string, unknown> },
  path: (string | number)[],
  ctx: z.RefinementCtx,
  what: string,
): void {
  const entry = findEntry(registry, value.type);
  if (!entry) {
    ctx.addIssue({
      code: "custom",
      path: [...path, "type"],
      message: `Unknown ${what} "${value.type}".`,
    });
    return;
  }
  const parsed = entry.optionsSchema.safeParse(value.options);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      ctx.addIssue({
        code: "custom",
        path: [...path, "options", ...issue.path.map(String)],
        message: issue.message,
      });
    }
    return;
  }
  value.options = parsed.data;
}

/**
 * A referral program as admins and the API submit it (snake_case, like the API). Each trigger, constraint and
 * reward is checked against its registry entry; the minimum payment needs the payment trigger. UI-safe.
 */
export const programInputSchema = z
  .object({
    name: z.string().trim().min(1, { message: "Enter a name." }).max(200),
    active: z.boolean().default(true),
    is_default: z.boolean().default(false),
    triggers: z
      .array(choice)
      .min(1, { message: "Choose at least one trigger." })
      .max(REFERRAL_TRIGGERS.length),
    constraints: z.array(choice).max(REFERRAL_CONSTRAINTS.length).default([]),
    reward: choice,
    friend_reward: choice.nullable().default(null),
    max_rewards_per_referrer: z.number().int().min(1).max(1_000_000).nullable().default(null),
    review_window_days: z.number().int().min(0).max(365).default(30),
    /** Days a reward earned by the friend's payment waits before it is granted (a refund within them takes it back). */
    reward_hold_days: z
      .number({ message: "Enter a number of days (0 for none)." })
      .int({ message: "Enter whole days." })
      .min(0, { message: "The hold cannot be negative." })
      .max(365, { message: "Hold rewards for at most 365 days." })
      .default(0),
  })
  .superRefine((value, ctx) => {
    value.triggers.forEach((trigger, index) =>
      checkChoice(REFERRAL_TRIGGERS, trigger, ["triggers", index], ctx, "trigger"),
    );
    value.constraints.forEach((constraint, index) =>
      checkChoice(REFERRAL_CONSTRAINTS, constraint, ["constraints", index], ctx, "constraint"),
    );
    checkChoice(REFERRAL_REWARDS, value.reward, ["reward"], ctx, "reward type");
    if (value.friend_reward)
      checkChoice(REFERRAL_REWARDS, value.friend_reward, ["friend_reward"], ctx, "reward type");
    const duplicate = (list: { type: string }[]) =>
      list.find((item, index) => list.findIndex((other) => other.type === item.type) !== index);
    const twiceTrigger = duplicate(value.triggers);
    if (twiceTrigger)
      ctx.addIssue({
        code: "custom",
        path: ["triggers"],
        message: `"${twiceTrigger.type}" is chosen twice.`,
      });
    const twiceConstraint = duplicate(value.constraints);
    if (twiceConstraint)
      ctx.addIssue({
        code: "custom",
        path: ["constraints"],
        message: `"${twiceConstraint.type}" is chosen twice.`,
      });
    if (
      value.constraints.some((c) => c.type === "minimum_payment_cents") &&
      !value.triggers.some((t) => t.type === "first_payment")
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["constraints"],
        message: "A minimum payment needs the “Friend pays” trigger.",
      });
    }
    if (
      value.friend_reward?.type === "free_days" &&
      !value.friend_reward.options.subscription_type_code &&
      value.triggers.some((t) => t.type === "sign_up")
    ) {
      // A friend who just signed up has nothing running to extend: without a type every such referral would fail.
      ctx.addIssue({
        code: "custom",
        path: ["friend_reward", "options", "subscription_type_code"],
        message:
          "A friend who just signed up has no subscription to extend: choose the type to grant.",
      });
    }
    if (value.reward_hold_days > 0 && !value.triggers.some((t) => t.type === "first_payment")) {
      // Only a payment can be refunded: without the payment trigger a hold would only delay every reward.
      ctx.addIssue({
        code: "custom",
        path: ["reward_hold_days"],
        message: "A hold needs the “Friend pays” trigger: only a payment can be refunded.",
      });
    }
    if (value.is_default && !value.active) {
      ctx.addIssue({
        code: "custom",
        path: ["is_default"],
        message: "The default program must be active.",
      });
    }
  });
export type ProgramInput = z.output<typeof programInputSchema>;
export type ProgramInputRaw = z.input<typeof programInputSchema>;

/** A program's input as columns of referral_programs (what a save writes). */
export function programColumns(input: ProgramInput) {
  return {
    name: input.name,
    active: input.active,
    isDefault: input.is_default,
    triggers: input.triggers,
    constraints: input.constraints,
    reward: input.reward,
    friendReward: input.friend_reward,
    maxRewardsPerReferrer: input.max_rewards_per_referrer,
    reviewWindowDays: input.review_window_days,
    rewardHoldDays: input.reward_hold_days,
  };
}

/** A saved program as the input that would save it again (the edit form's start, the API's fields). */
export function programInputOf(program: ReferralProgram): ProgramInput {
  return {
    name: program.name,
    active: program.active,
    is_default: program.isDefault,
    triggers: program.triggers,
    constraints: program.constraints,
    reward: program.reward,
    friend_reward: program.friendReward ?? null,
    max_rewards_per_referrer: program.maxRewardsPerReferrer,
    review_window_days: program.reviewWindowDays,
    reward_hold_days: program.rewardHoldDays,
  };
}
