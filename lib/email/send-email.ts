import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { emailLog, type EmailLogEntry } from "@/lib/db/schema";
import { currentEmailTransport, type EmailTransport } from "./transport";

export const sendEmailInputSchema = z.object({
  idempotencyKey: z.string().trim().min(1).max(300),
  to: z.email().max(320),
  userId: z.number().int().positive().nullable().optional(),
  templateCode: z.string().max(64).nullable().optional(),
  subject: z.string().max(1000),
  html: z.string(),
  text: z.string(),
});
export type SendEmailInput = z.input<typeof sendEmailInputSchema>;

export interface SendEmailResult {
  entry: EmailLogEntry;
  /** False when the key had already been sent: nothing was sent by this call. */
  sentNow: boolean;
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
 * Send one email at most once per idempotency key. The first call records the rendered message (status queued);
 * every call locks the row, and only a call that finds it not yet sent delivers it. So concurrent calls and
 * retries with one key deliver once; a failure is recorded (status failed, error, attempts) and rethrown. The row's
 * recorded content is what is sent: a retry does not change the message.
 */
export async function sendEmail(
  db: Db,
  input: SendEmailInput,
  options: { transport?: EmailTransport } = {},
): Promise<SendEmailResult> {
  const email = sendEmailInputSchema.parse(input);
  const transport = options.transport ?? currentEmailTransport();
  const outcome = await db.transaction(async (tx) => {
    // The first call records the rendered message (queued); every call locks the key's row in the same statement
    // (the no-op update of a conflict takes the row lock, as FOR UPDATE would).
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
        status: "queued",
        createdAt: now(),
      })
      .onConflictDoUpdate({
        target: emailLog.idempotencyKey,
        set: { idempotencyKey: sql`excluded.idempotency_key` },
      })
      .returning();
    if (!row) throw new Error(`email_log row for key ${email.idempotencyKey} vanished`);
    if (row.status === "sent") return { entry: row, sentNow: false, failure: null };
    // The lock is held while sending: a concurrent call with this key waits here, then finds the row sent.
    try {
      const delivery = await transport.send({
        to: row.toAddress,
        subject: row.subject,
        html: row.bodyHtml,
        text: row.bodyText,
        logId: row.id,
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
  if (outcome.failure !== null) throw new EmailDeliveryError(outcome.entry.id, outcome.failure);
  return { entry: outcome.entry, sentNow: outcome.sentNow };
}
