import { z } from "zod";
import { timestampSchema } from "@/lib/api/response-schemas";
import type { UserEmailTimelineEntry } from "./list-user-email-timeline";

/** The v1 API's JSON of a user's email timeline (GET /users/{id}/email-log). UI-safe. */
const iso = (value: Date | null) => (value ? value.toISOString() : null);

export const emailTimelineEventJsonSchema = z
  .object({
    id: z.number().int(),
    type: z.enum([
      "delivered",
      "deferred",
      "bounced",
      "complained",
      "opened",
      "clicked",
      "unsubscribed",
    ]),
    bounce_type: z.enum(["hard", "soft"]).nullable(),
    detail: z.string().nullable().meta({ description: "A click's URL; a bounce's diagnostic." }),
    occurred_at: timestampSchema,
  })
  .meta({ id: "EmailEvent" });

export const emailTimelineEntryJsonSchema = z
  .object({
    id: z.number().int(),
    template_code: z.string().nullable(),
    to: z.string(),
    subject: z.string(),
    status: z.enum(["queued", "sent", "failed", "skipped"]),
    skip_reason: z.string().nullable().meta({
      description:
        "Why a skipped email was not sent: unsubscribed, suppressed, frequency_cap, quiet_hours.",
    }),
    error: z.string().nullable(),
    message_id: z
      .string()
      .nullable()
      .meta({ description: "The Message-ID it was sent with (no angle brackets)." }),
    marketing: z.boolean(),
    topic: z.object({ code: z.string(), name: z.string() }).nullable(),
    scenario_id: z.number().int().nullable(),
    created_at: timestampSchema,
    sent_at: timestampSchema.nullable(),
    delivered_at: timestampSchema.nullable(),
    opened_at: timestampSchema.nullable(),
    clicked_at: timestampSchema.nullable(),
    bounced_at: timestampSchema.nullable(),
    complained_at: timestampSchema.nullable(),
    unsubscribed_at: timestampSchema.nullable(),
    events: z.array(emailTimelineEventJsonSchema),
  })
  .meta({ id: "UserEmail" });

export const userEmailLogJsonSchema = z
  .object({ emails: z.array(emailTimelineEntryJsonSchema), total: z.number().int() })
  .meta({ id: "UserEmailLog" });

export function serializeEmailTimelineEntry(
  entry: UserEmailTimelineEntry,
): z.infer<typeof emailTimelineEntryJsonSchema> {
  return {
    id: entry.id,
    template_code: entry.templateCode,
    to: entry.toAddress,
    subject: entry.subject,
    status: entry.status,
    skip_reason: entry.skipReason,
    error: entry.error,
    message_id: entry.messageId,
    marketing: entry.marketing,
    topic:
      entry.topicCode && entry.topicName ? { code: entry.topicCode, name: entry.topicName } : null,
    scenario_id: entry.scenarioId,
    created_at: entry.createdAt.toISOString(),
    sent_at: iso(entry.sentAt),
    delivered_at: iso(entry.deliveredAt),
    opened_at: iso(entry.openedAt),
    clicked_at: iso(entry.clickedAt),
    bounced_at: iso(entry.bouncedAt),
    complained_at: iso(entry.complainedAt),
    unsubscribed_at: iso(entry.unsubscribedAt),
    events: entry.events.map((event) => ({
      id: event.id,
      type: event.type,
      bounce_type:
        event.bounceType === "hard" || event.bounceType === "soft" ? event.bounceType : null,
      detail: event.detail,
      occurred_at: event.occurredAt.toISOString(),
    })),
  };
}
