import "server-only";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { emailLog, type EmailLogEntry } from "@/lib/db/schema";
import { decideDelivery } from "./consent/decide-delivery";
import { ACCOUNT_TOPIC_CODE } from "./consent/email-topics";
import { loadDeliveryFacts } from "./consent/load-delivery-facts";
import { unsubscribeHeaders } from "./consent/unsubscribe-links";
import { trackedHtml, trackedLinksOf } from "./tracking/tracked-html";
import { currentEmailTransport, emailFrom, type EmailTransport } from "./transport";

export const sendEmailInputSchema = z.object({
  idempotencyKey: z.string().trim().min(1).max(300),
  to: z.email().max(320),
  userId: z.number().int().positive().nullable().optional(),
  templateCode: z.string().max(64).nullable().optional(),
  subject: z.string().max(1000),
  html: z.string(),
  text: z.string(),
  /** The template's topic; omitted or null: transactional mail of the account topic. */
  topic: z.object({ id: z.number().int(), transactional: z.boolean() }).nullable().optional(),
  /** The scenario email node that sends it, for its stats. */
  scenario: z.object({ scenarioId: z.number().int(), nodeId: z.string().max(200) }).optional(),
  /** Open pixel and click tracking of the HTML (lib/email/tracking); the text part is never tracked. */
  track: z.boolean().optional(),
  /**
   * The Message-ID to send it with (`newMessageId()`), when the body already names it (its unsubscribe links);
   * omitted: a new one. A key recorded before keeps the Message-ID it was recorded with.
   */
  messageId: z.string().min(1).max(200).optional(),
});
export type SendEmailInput = z.input<typeof sendEmailInputSchema>;

export interface SendEmailResult {
  /** Status `sent`, or `skipped` (with `skipReason`) when policy kept it from the recipient. */
  entry: EmailLogEntry;
  /** False when the key had already been sent or skipped: nothing was sent by this call. */
  sentNow: boolean;
}

/** What `holdWhenLimited` returns instead of skipping: the email may go at `allowedAt` (nothing was recorded). */
export interface HeldEmail {
  held: { reason: "frequency_cap" | "quiet_hours"; allowedAt: Date };
}
/** Thrown after a failed delivery has been recorded on the log row, so the caller's retry (an Inngest step) retries. */
export class EmailDeliveryError extends Error {
  readonly logId: number;
  constructor(logId: number, cause: unknown) {
    super(
      `Email ${logId} was not delivered: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = "EmailDeliveryError";
    this.logId = logId;
  }
}

/**
 * Send one email at most once per idempotency key: the one place Subflow sends mail. The first call records the
 * rendered message; every call locks the row, and only a call that finds it not yet sent delivers it. So concurrent
 * calls and retries with one key deliver once; a failure is recorded (status failed, error, attempts) and rethrown.
 * The row's recorded content is what is sent: a retry does not change the message.
 *
 * Mail of a marketing topic first passes the delivery policy (lib/email/consent: two extra statements for a user, the
 * delivery lock and the facts; one for an address that is no user): a suppressed address or a topic the user left is
 * recorded as `skipped` with its reason; the frequency cap and quiet hours skip it too, unless `holdWhenLimited` asks
 * for the moment it may go instead (a scenario node that waits). It carries the RFC 8058 one-click unsubscribe
 * headers.
 */
export function sendEmail(
  db: Db,
  input: SendEmailInput,
  options?: { transport?: EmailTransport; holdWhenLimited?: false },
): Promise<SendEmailResult>;
export function sendEmail(
  db: Db,
  input: SendEmailInput,
  options: { transport?: EmailTransport; holdWhenLimited: true },
): Promise<SendEmailResult | HeldEmail>;
export async function sendEmail(
  db: Db,
  input: SendEmailInput,
  options: { transport?: EmailTransport; holdWhenLimited?: boolean } = {},
): Promise<SendEmailResult | HeldEmail> {
  const email = sendEmailInputSchema.parse(input);
  const transport = options.transport ?? currentEmailTransport();
  const marketing = email.topic ? !email.topic.transactional : false;
  const outcome = await db.transaction(async (tx) => {
    const at = now();
    const facts =
      marketing && email.topic
        ? await loadDeliveryFacts(tx, {
            userId: email.userId ?? null,
            address: email.to,
            topicId: email.topic.id,
            at,
          })
        : null;
    const decision = facts ? decideDelivery(facts, at) : ({ send: true } as const);
    if (!decision.send && decision.allowedAt && options.holdWhenLimited) {
      // Held, not skipped: unless this key already went out, nothing is recorded and the caller comes back later.
      const [existing] = await tx
        .select()
        .from(emailLog)
        .where(eq(emailLog.idempotencyKey, email.idempotencyKey));
      if (existing?.status === "sent" || existing?.status === "skipped")
        return { entry: existing, sentNow: false, failure: null };
      return { held: { reason: decision.reason, allowedAt: decision.allowedAt } };
    }
    const skipReason = decision.send ? null : decision.reason;
    // The first call records the rendered message (queued, or skipped with its reason); every call locks the key's
    // row in the same statement (the no-op update of a conflict takes the row lock, as FOR UPDATE would).
    const [row] = await tx
      .insert(emailLog)
      .values({
        idempotencyKey: email.idempotencyKey,
        toAddress: email.to,
        userId: email.userId ?? null,
        templateCode: email.templateCode ?? null,
        subject: email.subject,
        bodyHtml: email.html,
        bodyText: email.text,
        status: skipReason ? "skipped" : "queued",
        skipReason,
        topicId:
          email.topic?.id ?? sql`(select id from email_topics where code = ${ACCOUNT_TOPIC_CODE})`,
        marketing,
        messageId: email.messageId ?? newMessageId(),
        scenarioId: email.scenario?.scenarioId ?? null,
        scenarioNodeId: email.scenario?.nodeId ?? null,
        // Tracked: the links clicks may lead to, recorded with the message (a retry sends the row's content as is).
        links: email.track ? trackedLinksOf(email.html) : null,
        createdAt: at,
      })
      .onConflictDoUpdate({
        target: emailLog.idempotencyKey,
        set: { idempotencyKey: sql`excluded.idempotency_key` },
      })
      .returning();
    if (!row) throw new Error(`email_log row for key ${email.idempotencyKey} vanished`);
    if (row.status === "sent" || row.status === "skipped")
      return { entry: row, sentNow: false, failure: null };
    if (skipReason) {
      // Recorded earlier as queued or failed, and since then the recipient left the topic or the address bounced.
      const [skipped] = await tx
        .update(emailLog)
        .set({ status: "skipped", skipReason })
        .where(eq(emailLog.id, row.id))
        .returning();
      return { entry: skipped!, sentNow: false, failure: null };
    }
    // The lock is held while sending: a concurrent call with this key waits here, then finds the row sent.
    try {
      // A tracked row (links recorded, even none) goes out with click links and the open pixel naming its id; the
      // row keeps the HTML as written, so the admin's mailbox view records no clicks.
      const html = row.links ? trackedHtml(row.bodyHtml, row.id) : row.bodyHtml;
      const delivery = await transport.send({
        to: row.toAddress,
        subject: row.subject,
        html,
        text: row.bodyText,
        logId: row.id,
        messageId: row.messageId ?? undefined,
        headers: row.marketing
          ? unsubscribeHeaders({
              userId: row.userId,
              address: row.toAddress,
              topicId: row.topicId,
              messageId: row.messageId,
            })
          : undefined,
      });
      const [sent] = await tx
        .update(emailLog)
        .set({
          status: "sent",
          transport: transport.name,
          providerMessageId: delivery.messageId,
          error: null,
          attempts: sql`${emailLog.attempts} + 1`,
          sentAt: now(),
        })
        .where(eq(emailLog.id, row.id))
        .returning();
      return { entry: sent!, sentNow: true, failure: null };
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
      const [failed] = await tx
        .update(emailLog)
        .set({
          status: "failed",
          transport: transport.name,
          error: message,
          attempts: sql`${emailLog.attempts} + 1`,
        })
        .where(eq(emailLog.id, row.id))
        .returning();
      // Committed as failed, then rethrown outside the transaction (a throw inside would roll the record back).
      return { entry: failed!, sentNow: false, failure: error };
    }
  });
  if ("held" in outcome) return outcome;
  if (outcome.failure !== null) throw new EmailDeliveryError(outcome.entry.id, outcome.failure);
  return { entry: outcome.entry, sentNow: outcome.sentNow };
}

/**
 * A Message-ID of our own, kept on the log row before sending: delivery events (API, SES) and unsubscribe links name
 * it. Without angle brackets.
 */
export function newMessageId(): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(emailFrom())?.[1] ?? "subflow.local";
  return `${randomUUID()}@${domain}`;
}
