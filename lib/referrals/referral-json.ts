import { maskEmail } from "@/lib/mask-email";
import type { DiscountCode, Referral } from "@/lib/db/schema";
import type { UserReward } from "./list-user-referrals";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * A referral as the referrer's API shows it (snake_case, ISO timestamps). An invited address is shown as typed; the
 * address of a friend who came through the link is the friend's own, which the referrer never gave, so it is masked.
 */
export function referralJson(referral: Referral) {
  return {
    id: referral.id,
    email: referral.source === "invitation" ? referral.referredEmail : maskEmail(referral.referredEmail),
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

export function discountCodeJson(code: DiscountCode) {
  return {
    code: code.code,
    kind: code.kind,
    percent_off: code.percentOff,
    amount_off_cents: code.amountOffCents,
    expires_at: iso(code.expiresAt),
    used_at: iso(code.usedAt),
  };
}

export function referralRewardJson({ reward, discountCode }: UserReward) {
  return {
    id: reward.id,
    referral_id: reward.referralId,
    role: reward.role,
    type: reward.rewardType,
    description: reward.description,
    created_at: reward.createdAt.toISOString(),
    discount_code: discountCode ? discountCodeJson(discountCode) : null,
  };
}
