import "server-only";
import { asc, count, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { emailEvents, emailLog, emailTopics, type EmailEvent } from "@/lib/db/schema";

export interface UserEmailTimelineOptions {
  userId: number;
  limit: number;
  offset: number;
}

/**
 * A page of a user's emails, newest first — sent, failed, queued and skipped (with the reason) — each with its
 * delivery and engagement events in the order they happened, and the total. Two queries: the page (email_log_user_idx)
 * and the events of its emails (email_events_log_idx).
 */
export async function listUserEmailTimeline(db: Db, options: UserEmailTimelineOptions) {
  const where = eq(emailLog.userId, options.userId);
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: emailLog.id,
        templateCode: emailLog.templateCode,
        toAddress: emailLog.toAddress,
        subject: emailLog.subject,
        status: emailLog.status,
        skipReason: emailLog.skipReason,
        error: emailLog.error,
        messageId: emailLog.messageId,
        marketing: emailLog.marketing,
        topicCode: emailTopics.code,
        topicName: emailTopics.name,
        scenarioId: emailLog.scenarioId,
        createdAt: emailLog.createdAt,
        sentAt: emailLog.sentAt,
        deliveredAt: emailLog.deliveredAt,
        openedAt: emailLog.openedAt,
        clickedAt: emailLog.clickedAt,
        bouncedAt: emailLog.bouncedAt,
        complainedAt: emailLog.complainedAt,
        unsubscribedAt: emailLog.unsubscribedAt,
      })
      .from(emailLog)
      .leftJoin(emailTopics, eq(emailTopics.id, emailLog.topicId))
      .where(where)
      .orderBy(desc(emailLog.createdAt), desc(emailLog.id))
      .limit(options.limit)
      .offset(options.offset),
    db.select({ total: count() }).from(emailLog).where(where),
  ]);
  const events = rows.length
    ? await db
        .select({
          id: emailEvents.id,
          emailLogId: emailEvents.emailLogId,
          type: emailEvents.type,
          bounceType: emailEvents.bounceType,
          detail: emailEvents.detail,
          occurredAt: emailEvents.occurredAt,
        })
        .from(emailEvents)
        .where(
          inArray(
            emailEvents.emailLogId,
            rows.map((row) => row.id),
          ),
        )
        .orderBy(asc(emailEvents.occurredAt), asc(emailEvents.id))
    : [];
  const byEmail = new Map<
    number,
    Pick<EmailEvent, "id" | "type" | "bounceType" | "detail" | "occurredAt">[]
  >();
  for (const { emailLogId, ...event } of events) {
    const list = byEmail.get(emailLogId) ?? [];
    list.push(event);
    byEmail.set(emailLogId, list);
  }
  return {
    rows: rows.map((row) => ({ ...row, events: byEmail.get(row.id) ?? [] })),
    total: totals?.total ?? 0,
  };
}

export type UserEmailTimelineEntry = Awaited<
  ReturnType<typeof listUserEmailTimeline>
>["rows"][number];
