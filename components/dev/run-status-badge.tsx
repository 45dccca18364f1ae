import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { LocalRunStatus } from "@/inngest/local/schema";

const TONES: Record<LocalRunStatus, BadgeTone> = {
  running: "blue",
  waiting: "amber",
  completed: "green",
  failed: "red",
  cancelled: "gray",
};

export function RunStatusBadge({ status }: { status: LocalRunStatus }) {
  return (
    <Badge tone={TONES[status]} data-testid="run-status">
      {status}
    </Badge>
  );
}
