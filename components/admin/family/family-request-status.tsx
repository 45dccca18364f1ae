import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { FamilyRequestStatus } from "@/lib/db/schema";

const TONES: Record<FamilyRequestStatus, BadgeTone> = {
  created: "blue",
  accepted: "green",
  canceled: "gray",
};

/** A request's status; an open request past its master subscription or expires_at reads "expired". */
export function FamilyRequestStatusBadge({
  status,
  expired,
}: {
  status: FamilyRequestStatus;
  expired: boolean;
}) {
  return (
    <span className="inline-flex gap-1">
      <Badge tone={TONES[status]}>{status}</Badge>
      {expired && status !== "canceled" ? <Badge tone="amber">expired</Badge> : null}
    </span>
  );
}
