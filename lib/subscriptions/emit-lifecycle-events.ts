import "server-only";
import { and, inArray, isNotNull, isNull, lte } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { subscriptions, subscriptionTypes } from "@/lib/db/schema";
import { recordEvents } from "@/lib/events/record-event";

/**
 * Record `subscription.started` and `subscription.ended` for subscriptions whose start or end has passed, each
 * exactly once: the marker column and the event are written in one transaction, rows are taken with SKIP LOCKED so
 * overlapping sweeps split the work, and anything missed during downtime is caught up on the next sweep.
 * A subscription stopped before it started (zero length) is marked without events: it was never actual.
 */
export async function emitLifecycleEvents(
  db: Db,
  options: { limit?: number } = {},
): Promise<{ started: number; ended: number }> {
  const limit = options.limit ?? 500;
  const at = now();
  return db.transaction(async (tx) => {
    const dueToStart = tx
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(and(isNull(subscriptions.startedEventAt), lte(subscriptions.startAt, at)))
      .orderBy(subscriptions.startAt)
      .limit(limit)
      .for("update", { skipLocked: true });
    const started = await tx
      .update(subscriptions)
      .set({ startedEventAt: at })
      .where(inArray(subscriptions.id, dueToStart))
      .returning();

    const dueToEnd = tx
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(
        and(
          isNull(subscriptions.endedEventAt),
          isNotNull(subscriptions.startedEventAt),
          lte(subscriptions.endAt, at),
        ),
      )
      .orderBy(subscriptions.endAt)
      .limit(limit)
      .for("update", { skipLocked: true });
    const ended = await tx
      .update(subscriptions)
      .set({ endedEventAt: at })
      .where(inArray(subscriptions.id, dueToEnd))
      .returning();

    const typeIds = [...new Set([...started, ...ended].map((s) => s.subscriptionTypeId))];
    const types = typeIds.length
      ? await tx
          .select({ id: subscriptionTypes.id, code: subscriptionTypes.code })
          .from(subscriptionTypes)
          .where(inArray(subscriptionTypes.id, typeIds))
      : [];
    const codeOf = (id: number) => types.find((type) => type.id === id)?.code ?? null;
    const payload = (s: (typeof started)[number]) => ({
      subscription_id: s.id,
      subscription_type_id: s.subscriptionTypeId,
      subscription_type_code: codeOf(s.subscriptionTypeId),
      kind: s.kind,
      is_paid: s.isPaid,
      start_at: s.startAt.toISOString(),
      end_at: s.endAt.toISOString(),
    });
    const neverActual = (s: (typeof started)[number]) => s.endAt.getTime() <= s.startAt.getTime();
    await recordEvents(tx, [
      ...started
        .filter((s) => !neverActual(s))
        .map((s) => ({
          name: "subscription.started" as const,
          userId: s.userId,
          payload: payload(s),
          occurredAt: s.startAt,
        })),
      ...ended
        .filter((s) => !neverActual(s))
        .map((s) => ({
          name: "subscription.ended" as const,
          userId: s.userId,
          payload: payload(s),
          occurredAt: s.endAt,
        })),
    ]);
    return { started: started.length, ended: ended.length };
  });
}
