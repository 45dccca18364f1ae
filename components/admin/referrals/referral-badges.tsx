import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ReferralReview, ReferralStatus } from "@/lib/db/schema";

const STATUS_TONE: Record<ReferralStatus, BadgeTone> = {
  pending: "amber",
  complete: "green",
  error: "red",
  expired: "gray",
  rejected: "gray",
};

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  return (
    <Badge tone={STATUS_TONE[status]} data-testid="referral-status">
      {status}
    </Badge>
  );
}

const FLAG_LABELS: Record<string, string> = {
  same_browser: "same browser",
  same_ip: "same IP",
  email_alias: "email alias",
};

/** The fraud guard's findings and where the review stands (flagged = waiting for an admin). */
export function ReferralReviewBadges({
  review,
  flags,
}: {
  review: ReferralReview | null;
  flags: string[];
}) {
  if (!review && flags.length === 0) return <span className="text-zinc-400">—</span>;
  return (
    <span className="inline-flex flex-wrap gap-1" data-testid="referral-review">
      {review === "flagged" ? <Badge tone="amber">needs review</Badge> : null}
      {review === "approved" ? <Badge tone="blue">approved</Badge> : null}
      {review === "rejected" ? <Badge tone="red">rejected</Badge> : null}
      {flags.map((flag) => (
        <Badge key={flag} tone="violet">
          {FLAG_LABELS[flag] ?? flag}
        </Badge>
      ))}
    </span>
  );
}
