import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ScenarioStatus } from "@/lib/db/schema";

const TONES: Record<ScenarioStatus, BadgeTone> = {
  draft: "gray",
  enabled: "green",
  disabled: "amber",
  deleted: "red",
};

export function ScenarioStatusBadge({
  status,
  testId,
}: {
  status: ScenarioStatus;
  testId?: string;
}) {
  return (
    <Badge tone={TONES[status]} data-testid={testId ?? "scenario-status"}>
      {status}
    </Badge>
  );
}
