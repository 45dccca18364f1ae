import { z } from "zod";
import type { BounceType, DeliveryEventType } from "../schemas";

/**
 * An Amazon SES event as an SNS notification carries it (its Message, JSON): the event publishing format
 * (`eventType`) or the older notifications format (`notificationType`). Pure.
 */
const timestamp = z.string().max(100).optional();

const sesEventSchema = z.looseObject({
  eventType: z.string().max(100).optional(),
  notificationType: z.string().max(100).optional(),
  mail: z.looseObject({
    messageId: z.string().min(1).max(1000),
    headers: z.array(z.looseObject({ name: z.string(), value: z.string() })).optional(),
    commonHeaders: z.looseObject({ messageId: z.string().max(1000).optional() }).optional(),
  }),
  bounce: z
    .looseObject({
      bounceType: z.string().max(100),
      bounceSubType: z.string().max(100).optional(),
      timestamp,
      bouncedRecipients: z
        .array(z.looseObject({ diagnosticCode: z.string().max(2000).optional() }))
        .optional(),
    })
    .optional(),
  complaint: z
    .looseObject({ timestamp, complaintFeedbackType: z.string().max(200).optional() })
    .optional(),
  delivery: z.looseObject({ timestamp }).optional(),
  deliveryDelay: z.looseObject({ timestamp, delayType: z.string().max(200).optional() }).optional(),
});

export interface SesDeliveryEvent {
  /** Message-IDs that may name the email, most specific first: the original header, then SES's own id. */
  messageIds: { value: string; providerId: boolean }[];
  type: DeliveryEventType;
  bounceType?: BounceType;
  occurredAt: Date;
  detail?: string;
}

export type SesEventParse =
  | { ok: true; event: SesDeliveryEvent }
  /** Valid, but not a delivery event Subflow records (Send, Open, Click, Reject …). */
  | { ok: true; event: null; kind: string }
  | { ok: false; message: string };

function at(value: string | undefined, fallback: Date): Date {
  const date = value ? new Date(value) : fallback;
  return Number.isNaN(date.getTime()) ? fallback : date;
}

const stripBrackets = (value: string) =>
  value
    .trim()
    .replace(/^<(.*)>$/, "$1")
    .trim();

/** Read an SES event; `received` (the SNS timestamp) stands in for a missing event time. */
export function parseSesEvent(messageJson: string, received: Date): SesEventParse {
  let json: unknown;
  try {
    json = JSON.parse(messageJson);
  } catch {
    return { ok: false, message: "The notification's Message is not JSON." };
  }
  const parsed = sesEventSchema.safeParse(json);
  if (!parsed.success)
    return { ok: false, message: "The notification's Message is not an SES event." };
  const ses = parsed.data;
  const kind = ses.eventType ?? ses.notificationType ?? "";
  const header = ses.mail.headers?.find((h) => h.name.toLowerCase() === "message-id")?.value;
  const candidates = [header, ses.mail.commonHeaders?.messageId]
    .filter((value): value is string => !!value && stripBrackets(value).length > 0)
    .map((value) => ({ value: stripBrackets(value), providerId: false }));
  const messageIds = [
    ...candidates,
    { value: stripBrackets(ses.mail.messageId), providerId: true },
  ].filter((id, index, all) => all.findIndex((other) => other.value === id.value) === index);

  if (kind === "Bounce" && ses.bounce) {
    const diagnostic = ses.bounce.bouncedRecipients?.find((r) => r.diagnosticCode)?.diagnosticCode;
    return {
      ok: true,
      event: {
        messageIds,
        type: "bounced",
        // Permanent: the address does not exist or refuses mail. Transient and Undetermined: may work later.
        bounceType: ses.bounce.bounceType === "Permanent" ? "hard" : "soft",
        occurredAt: at(ses.bounce.timestamp, received),
        detail: [`${ses.bounce.bounceType}/${ses.bounce.bounceSubType ?? ""}`, diagnostic]
          .filter(Boolean)
          .join(": ")
          .slice(0, 2000),
      },
    };
  }
  if (kind === "Complaint" && ses.complaint) {
    return {
      ok: true,
      event: {
        messageIds,
        type: "complained",
        occurredAt: at(ses.complaint.timestamp, received),
        detail: ses.complaint.complaintFeedbackType,
      },
    };
  }
  if (kind === "Delivery" && ses.delivery) {
    return {
      ok: true,
      event: { messageIds, type: "delivered", occurredAt: at(ses.delivery.timestamp, received) },
    };
  }
  if (kind === "DeliveryDelay" && ses.deliveryDelay) {
    return {
      ok: true,
      event: {
        messageIds,
        type: "deferred",
        occurredAt: at(ses.deliveryDelay.timestamp, received),
        detail: ses.deliveryDelay.delayType,
      },
    };
  }
  return { ok: true, event: null, kind: kind || "unknown" };
}
