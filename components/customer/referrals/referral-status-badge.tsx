import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { Referral } from "@/lib/db/schema";

export type ReferralState = Referral["status"] | "under_review";

const tones: Record<ReferralState, BadgeTone> = {
  pending: "amber",
  under_review: "violet",
  complete: "green",
  error: "blue",
  expired: "gray",
  rejected: "gray",
};

/** A pending referral held by the fraud guard reads "Under review"; every other keeps its status. */
export function referralState(referral: Pick<Referral, "status" | "review">): ReferralState {
  return referral.status === "pending" && referral.review === "flagged"
    ? "under_review"
    : referral.status;
}

/**
 * `label`: the state in the page's language (messages Referrals.state). `error` reads "Processing": a reward waiting
 * for an admin's retry is, to the referrer, still on its way.
 */
export function ReferralStatusBadge({ state, label }: { state: ReferralState; label: string }) {
  return (
    <Badge tone={tones[state]} data-testid="referral-status">
      {label}
    </Badge>
  );
}
