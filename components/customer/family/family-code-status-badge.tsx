import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { FamilyRequestStatus } from "@/lib/db/schema";

export type FamilyCodeState = FamilyRequestStatus | "expired";

const tones: Record<FamilyCodeState, BadgeTone> = {
  created: "green",
  accepted: "blue",
  canceled: "gray",
  expired: "gray",
};
const labels: Record<FamilyCodeState, string> = {
  created: "Available",
  accepted: "Accepted",
  canceled: "Canceled",
  expired: "Expired",
};

/** A free code past its master's end reads "Expired"; used and canceled codes keep their status. */
export function familyCodeState(status: FamilyRequestStatus, expired: boolean): FamilyCodeState {
  return status === "created" && expired ? "expired" : status;
}

/** `label`: the word in the page's language (English by default). */
export function FamilyCodeStatusBadge({
  state,
  label,
}: {
  state: FamilyCodeState;
  label?: string;
}) {
  return (
    <Badge tone={tones[state]} data-testid="family-code-status">
      {label ?? labels[state]}
    </Badge>
  );
}
