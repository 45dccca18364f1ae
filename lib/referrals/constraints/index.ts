/** The referral constraint registry: one file per constraint. UI-safe. */
import minimumPayment from "./minimum-payment";
import timeoutDays from "./timeout-days";

export const REFERRAL_CONSTRAINTS = [timeoutDays, minimumPayment] as const;
export type ReferralConstraintType = (typeof REFERRAL_CONSTRAINTS)[number]["type"];
