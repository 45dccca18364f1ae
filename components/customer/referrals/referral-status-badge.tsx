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
// `error` means a reward is waiting for an admin's retry: to the referrer it is still on its way.
const labels: Record<ReferralState, string> = {
  pending: "Pending",
  under_review: "Under review",
  complete: "Complete",
  error: "Processing",
  expired: "Expired",
  rejected: "Not eligible",
};

/** A pending referral held by the fraud guard reads "Under review"; every other keeps its status. */
export function referralState(referral: Pick<Referral, "status" | "review">): ReferralState {
  return referral.status === "pending" && referral.review === "flagged"
    ? "under_review"
    : referral.status;
}

export function ReferralStatusBadge({ state }: { state: ReferralState }) {
  return (
    <Badge tone={tones[state]} data-testid="referral-status">
      {labels[state]}
    </Badge>
  );
}
