import type { RegistryChoice } from "@/lib/db/schema";
import { REFERRAL_CONSTRAINTS } from "../constraints";
import { findEntry, type ReferralRegistryEntry } from "../registry";
import { REFERRAL_REWARDS } from "../rewards";
import { REFERRAL_TRIGGERS } from "../triggers";

/** What a program does in words, from each chosen entry's `describe` (the programs list, the API). UI-safe. */

export interface ReferralProgramSummary {
  triggers: string[];
  constraints: string[];
  reward: string;
  friendReward: string | null;
}

/** A stored choice in words; an entry removed from the registry since is named by its key rather than failing. */
function describeChoice(
  registry: readonly ReferralRegistryEntry[],
  choice: RegistryChoice,
): string {
  const entry = findEntry(registry, choice.type);
  if (!entry) return `unknown "${choice.type}"`;
  const options = entry.optionsSchema.safeParse(choice.options);
  return options.success ? entry.describe(options.data) : entry.label;
}

export function describeReferralProgram(program: {
  triggers: RegistryChoice[];
  constraints: RegistryChoice[];
  reward: RegistryChoice;
  friendReward: RegistryChoice | null;
}): ReferralProgramSummary {
  return {
    triggers: program.triggers.map((choice) => describeChoice(REFERRAL_TRIGGERS, choice)),
    constraints: program.constraints.map((choice) => describeChoice(REFERRAL_CONSTRAINTS, choice)),
    reward: describeChoice(REFERRAL_REWARDS, program.reward),
    friendReward: program.friendReward
      ? describeChoice(REFERRAL_REWARDS, program.friendReward)
      : null,
  };
}

/** "30 free days when the friend signs up or when the friend first pays, within 30 days; the friend: 20% off a payment". */
export function referralProgramSentence(summary: ReferralProgramSummary): string {
  const when = [summary.triggers.join(" or "), ...summary.constraints].filter(Boolean).join(", ");
  const friend = summary.friendReward ? `; the friend: ${summary.friendReward}` : "";
  return `${summary.reward} ${when}${friend}`;
}
