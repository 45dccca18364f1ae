import { z } from "zod";
import type { ReferralProgram, ReferralReward, RegistryChoice } from "@/lib/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import {
  constraintWords,
  friendActionWords,
  referralTermsTranslator,
  rewardWords,
  triggerWords,
} from "@/lib/referrals/referral-terms";

type ProgramTerms = Pick<
  ReferralProgram,
  "triggers" | "constraints" | "reward" | "friendReward" | "maxRewardsPerReferrer"
> &
  Partial<Pick<ReferralProgram, "rewardHoldDays">>;

const present = (values: (string | null)[]) =>
  values.filter((value): value is string => value !== null && value !== "");

/** "a or b" in the language ("a alebo b"). */
function either(locale: Locale, values: string[]): string {
  return new Intl.ListFormat(locale, { type: "disjunction" }).format(values);
}

/**
 * The program in one or two sentences for the referrer, in their language, from each chosen registry entry's words:
 * "Invite a friend: you get 30 free days when the friend first pays (within 60 days). They get 20% off a payment."
 * UI-safe.
 */
export function describeReferralProgram(program: ProgramTerms, locale: Locale): string {
  const t = referralTermsTranslator(locale);
  const when = either(
    locale,
    present(program.triggers.map((choice) => triggerWords(choice, locale))),
  );
  const conditions = present(program.constraints.map((choice) => constraintWords(choice, locale)));
  const reward =
    program.reward.type === "no_reward" ? null : rewardWords(program.reward, locale, "object");
  const sentences = [
    reward === null
      ? t("program.unrewarded")
      : conditions.length > 0
        ? t("program.rewardedWithConditions", { reward, when, conditions: conditions.join(", ") })
        : t("program.rewarded", { reward, when }),
  ];
  if (program.friendReward && program.friendReward.type !== "no_reward") {
    const friendReward = rewardWords(program.friendReward, locale, "object");
    if (friendReward) sentences.push(t("program.friend", { reward: friendReward }));
  }
  if (reward !== null && program.maxRewardsPerReferrer !== null) {
    sentences.push(t("program.cap", { count: program.maxRewardsPerReferrer }));
  }
  const hold = program.rewardHoldDays ?? 0;
  if (
    reward !== null &&
    hold > 0 &&
    program.triggers.some((choice) => choice.type === "first_payment")
  ) {
    sentences.push(t("program.hold", { days: hold }));
  }
  return sentences.join(" ");
}

/**
 * The program's offer to the invited friend, said to them on the sign-up and pricing pages in their language ("You
 * get 20% off a payment when you first pay."); null when the program rewards only the referrer. UI-safe.
 */
export function describeFriendOffer(
  program: Pick<ReferralProgram, "triggers" | "friendReward">,
  locale: Locale,
): string | null {
  if (!program.friendReward || program.friendReward.type === "no_reward") return null;
  const reward = rewardWords(program.friendReward, locale, "object");
  if (!reward) return null;
  const t = referralTermsTranslator(locale);
  const actions = present(program.triggers.map((choice) => friendActionWords(choice, locale)));
  return actions.length > 0
    ? t("friendOffer.when", { reward, actions: either(locale, actions) })
    : t("friendOffer.always", { reward });
}

/** Where a held reward keeps what it will grant (lib/referrals/rewards/hold-reward.ts). */
const heldDetail = z.object({
  held: z.object({ type: z.string(), options: z.record(z.string(), z.unknown()) }),
});

/**
 * An earned reward's title in the reader's language, from its type and what it granted (or, held, will grant): "30
 * free days", "zľava 20 % na platbu". The English description stored when it was earned when neither says enough.
 */
export function describeReward(
  reward: Pick<ReferralReward, "rewardType" | "detail" | "description">,
  locale: Locale,
): string {
  const held = heldDetail.safeParse(reward.detail);
  const choice: RegistryChoice = held.success
    ? held.data.held
    : { type: reward.rewardType, options: reward.detail };
  return rewardWords(choice, locale, "name") ?? reward.description;
}
