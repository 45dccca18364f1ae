/** The referral trigger registry: one file per trigger. UI-safe. */
import firstPayment from "./first-payment";
import signUp from "./sign-up";

export const REFERRAL_TRIGGERS = [signUp, firstPayment] as const;
export type ReferralTriggerType = (typeof REFERRAL_TRIGGERS)[number]["type"];
export const REFERRAL_TRIGGER_TYPES = REFERRAL_TRIGGERS.map((entry) => entry.type) as [
  ReferralTriggerType,
  ...ReferralTriggerType[],
];
