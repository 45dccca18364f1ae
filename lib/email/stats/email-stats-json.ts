import { z } from "zod";
import { SKIP_REASONS } from "@/lib/email/consent/decide-delivery";
import type { EmailStats } from "./email-stats";

const count = (description: string) => z.number().int().meta({ description });

/** The v1 API's JSON of an EmailStats. */
export const emailStatsJsonSchema = z
  .object({
    sent: count("Emails sent."),
    tracked: count(
      "Of those, sent with the open pixel and click tracking (the base of open and click rates).",
    ),
    failed: count("Emails the mail server did not take (retried by their sender)."),
    skipped: z.object({
      total: count("Emails not sent by policy."),
      by_reason: z
        .object(Object.fromEntries(SKIP_REASONS.map((reason) => [reason, z.number().int()])))
        .meta({ description: "Skipped emails per reason." }),
    }),
    delivered: count("Emails the provider reported delivered."),
    opened: count("Emails opened at least once (pixel loaded, or a link clicked)."),
    clicked: count("Emails with at least one tracked link clicked."),
    unsubscribed: count("Emails whose reader unsubscribed from them."),
    bounced: count("Emails that bounced."),
    complained: count("Emails reported as spam."),
  })
  .meta({ id: "EmailStats" });

export function serializeEmailStats(stats: EmailStats): z.output<typeof emailStatsJsonSchema> {
  return {
    sent: stats.sent,
    tracked: stats.tracked,
    failed: stats.failed,
    skipped: { total: stats.skipped, by_reason: { ...stats.skippedByReason } },
    delivered: stats.delivered,
    opened: stats.opened,
    clicked: stats.clicked,
    unsubscribed: stats.unsubscribed,
    bounced: stats.bounced,
    complained: stats.complained,
  };
}
