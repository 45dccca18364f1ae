import type { EmailStatus } from "@/lib/db/schema/email";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONES: Record<EmailStatus, BadgeTone> = {
  queued: "amber",
  sent: "green",
  failed: "red",
  skipped: "gray",
};

export function EmailStatusBadge({ status }: { status: EmailStatus }) {
  return (
    <Badge tone={TONES[status]} data-testid="email-status">
      {status}
    </Badge>
  );
}
