import { SKIP_REASONS, type SkipReason } from "@/lib/email/consent/decide-delivery";

/**
 * What emails of one scenario node or one template did: UI-safe, so the builder and the admin pages share it.
 * `opened`, `clicked` and the delivery figures count emails (each once, however often it was opened), from the first
 * event times on the log rows; opens and clicks exist only for tracked emails.
 */
export interface EmailStats {
  sent: number;
  /** Sent with the open pixel and click tracking: the base of the open and click rates. */
  tracked: number;
  failed: number;
  skipped: number;
  skippedByReason: Record<SkipReason, number>;
  delivered: number;
  opened: number;
  clicked: number;
  unsubscribed: number;
  bounced: number;
  complained: number;
}

export function emptyEmailStats(): EmailStats {
  return {
    sent: 0,
    tracked: 0,
    failed: 0,
    skipped: 0,
    skippedByReason: Object.fromEntries(SKIP_REASONS.map((reason) => [reason, 0])) as Record<
      SkipReason,
      number
    >,
    delivered: 0,
    opened: 0,
    clicked: 0,
    unsubscribed: 0,
    bounced: 0,
    complained: 0,
  };
}

/** A share of `base` in percent, to one decimal (42.5), or null when there is no base. */
export function percentOf(count: number, base: number): number | null {
  return base > 0 ? Math.round((count / base) * 1000) / 10 : null;
}

/** How the admin names each skip reason. */
export const SKIP_REASON_LABELS: Record<SkipReason, string> = {
  unsubscribed: "Left the topic",
  suppressed: "Suppressed",
  frequency_cap: "Frequency cap",
  quiet_hours: "Quiet hours",
};
