import "server-only";
import { eq, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { emailEvents, emailLog, emailSuppressions } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { findEmailByMessageId } from "./find-email-by-message-id";
import { deliveryEventInputSchema, type DeliveryEventInput } from "./schemas";

export interface RecordedDeliveryEvent {
  emailLogId: number;
  /** The email_events row: the new one, or the one recorded earlier for the same event. */
  eventId: number;
  /** False when the same event had been recorded before: nothing changed. */
  recorded: boolean;
  /** Whether this event suppressed the address (a hard bounce or a complaint of an address not yet suppressed). */
  suppressed: boolean;
}

/** The first-event timestamp of email_log each type sets (deferrals have none). */
const FIRST_EVENT_COLUMN = {
  delivered: "deliveredAt",
  bounced: "bouncedAt",
  complained: "complainedAt",
  deferred: null,
} as const;

/**
 * Record a provider's delivery event (API or SES) on the email it names, once: the provider's event id, or else the
 * event itself (email, type, bounce type, moment), is recorded at most once. The email's first-event timestamp keeps
 * the earliest moment. A hard bounce or a complaint suppresses the address for all non-transactional mail (an address
 * already suppressed stays as it is); a soft bounce or a deferral never does. An unknown Message-ID is 404
 * `email_not_found`.
 */
export async function recordDeliveryEvent(
  db: Db,
  input: DeliveryEventInput,
): Promise<RecordedDeliveryEvent> {
  const event = deliveryEventInputSchema.parse(input);
  return db.transaction(async (tx) => {
    const email = await findEmailByMessageId(tx, event.messageId, {
      alsoProviderId: event.matchProviderMessageId,
    });
    if (!email)
      throw notFound("email_not_found", `No email was sent with Message-ID ${event.messageId}.`);
    const externalId =
      event.externalId ??
      `derived:${email.id}:${event.type}:${event.bounceType ?? ""}:${event.occurredAt.toISOString()}`;
    const [inserted] = await tx
      .insert(emailEvents)
      .values({
        emailLogId: email.id,
        type: event.type,
        bounceType: event.bounceType ?? null,
        detail: event.detail ?? null,
        externalId,
        occurredAt: event.occurredAt,
        createdAt: now(),
      })
      .onConflictDoNothing({ target: emailEvents.externalId })
      .returning({ id: emailEvents.id });
    if (!inserted) {
      const [earlier] = await tx
        .select({ id: emailEvents.id })
        .from(emailEvents)
        .where(eq(emailEvents.externalId, externalId));
      return { emailLogId: email.id, eventId: earlier!.id, recorded: false, suppressed: false };
    }
    const column = FIRST_EVENT_COLUMN[event.type];
    if (column) {
      const at = event.occurredAt.toISOString();
      await tx
        .update(emailLog)
        .set({
          [column]: sql`least(coalesce(${emailLog[column]}, ${at}::timestamptz), ${at}::timestamptz)`,
        })
        .where(eq(emailLog.id, email.id));
    }
    const reason =
      event.type === "complained"
        ? "complaint"
        : event.type === "bounced" && event.bounceType === "hard"
          ? "hard_bounce"
          : null;
    let suppressed = false;
    if (reason) {
      // One active row per address (a partial unique index): an address already suppressed keeps its first reason.
      const rows = await tx
        .insert(emailSuppressions)
        .values({
          address: email.toAddress.toLowerCase(),
          reason,
          detail: event.detail ?? null,
          emailLogId: email.id,
          createdAt: now(),
        })
        .onConflictDoNothing()
        .returning({ id: emailSuppressions.id });
      suppressed = rows.length > 0;
    }
    return { emailLogId: email.id, eventId: inserted.id, recorded: true, suppressed };
  });
}
