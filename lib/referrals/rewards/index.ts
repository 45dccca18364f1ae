/** The referral reward-type registry: one file per type (the grants live in grant-reward.ts). UI-safe. */
import discount from "./discount";
import freeDays from "./free-days";
import noReward from "./no-reward";

export const REFERRAL_REWARDS = [noReward, freeDays, discount] as const;
export type ReferralRewardType = (typeof REFERRAL_REWARDS)[number]["type"];
