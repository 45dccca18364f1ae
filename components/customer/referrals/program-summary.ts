import type { ReferralProgram, RegistryChoice } from "@/lib/db/schema";
import { REFERRAL_CONSTRAINTS } from "@/lib/referrals/constraints";
import { findEntry, type ReferralRegistryEntry } from "@/lib/referrals/registry";
import { REFERRAL_REWARDS } from "@/lib/referrals/rewards";
import { REFERRAL_TRIGGERS } from "@/lib/referrals/triggers";

type ProgramTerms = Pick<
  ReferralProgram,
  "triggers" | "constraints" | "reward" | "friendReward" | "maxRewardsPerReferrer"
> &
  Partial<Pick<ReferralProgram, "rewardHoldDays">>;

function describeChoice(
  registry: readonly ReferralRegistryEntry[],
  choice: RegistryChoice,
): string | null {
  return findEntry(registry, choice.type)?.describe(choice.options) ?? null;
}

const present = (values: (string | null)[]) =>
  values.filter((value): value is string => value !== null && value !== "");

/**
 * The program in one or two sentences for the referrer, built from each registry entry's `describe`: "Invite a friend:
 * you get 30 free days when the friend first pays (within 60 days). They get 20% off a payment." UI-safe.
 */
export function describeReferralProgram(program: ProgramTerms): string {
  const when = present(
    program.triggers.map((choice) => describeChoice(REFERRAL_TRIGGERS, choice)),
  ).join(" or ");
  const conditions = present(
    program.constraints.map((choice) => describeChoice(REFERRAL_CONSTRAINTS, choice)),
  );
  const rewarded = program.reward.type !== "no_reward";
  const reward = rewarded ? describeChoice(REFERRAL_REWARDS, program.reward) : null;
  const sentences = [
    reward
      ? `Invite a friend: you get ${reward} ${when}${conditions.length > 0 ? ` (${conditions.join(", ")})` : ""}.`
      : "Invite a friend to join.",
  ];
  if (program.friendReward && program.friendReward.type !== "no_reward") {
    const friendReward = describeChoice(REFERRAL_REWARDS, program.friendReward);
    if (friendReward) sentences.push(`They get ${friendReward}.`);
  }
  if (rewarded && program.maxRewardsPerReferrer !== null) {
    sentences.push(
      `Up to ${program.maxRewardsPerReferrer} reward${program.maxRewardsPerReferrer === 1 ? "" : "s"} per person.`,
    );
  }
  const hold = program.rewardHoldDays ?? 0;
  if (rewarded && hold > 0 && program.triggers.some((choice) => choice.type === "first_payment")) {
    sentences.push(
      `Rewards for a friend's payment arrive ${hold} day${hold === 1 ? "" : "s"} after it, unless it is refunded.`,
    );
  }
  return sentences.join(" ");
}

/** What the triggers ask of the friend, said to the friend. */
const FRIEND_ACTION: Record<string, string> = { sign_up: "sign up", first_payment: "first pay" };

/**
 * The program's offer to the invited friend, said to them on the sign-up page ("You get 20% off a payment when you
 * first pay."); null when the program rewards only the referrer. UI-safe.
 */
export function describeFriendOffer(
  program: Pick<ReferralProgram, "triggers" | "friendReward">,
): string | null {
  if (!program.friendReward || program.friendReward.type === "no_reward") return null;
  const reward = describeChoice(REFERRAL_REWARDS, program.friendReward);
  if (!reward) return null;
  const actions = present(program.triggers.map((choice) => FRIEND_ACTION[choice.type] ?? null));
  return `You get ${reward}${actions.length > 0 ? ` when you ${actions.join(" or ")}` : ""}.`;
}
