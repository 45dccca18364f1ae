import "server-only";
import { and, asc, inArray, isNotNull, isNull, lte } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { subscriptions, subscriptionTypes, users } from "@/lib/db/schema";
import { recordEvents } from "@/lib/events/record-event";

/**
 * Record `subscription.started` and `subscription.ended` for subscriptions whose start or end has passed, each
 * exactly once: the marker column and the event are written in one transaction, and anything missed during downtime
 * (or skipped, below) is caught up on the next sweep.
 * A subscription stopped before it started (zero length) is marked without events: it was never actual.
 *
 * Lock order (lib/db/LOCK-ORDER.md): the owners of the due subscriptions first, then the subscriptions, both with
 * SKIP LOCKED — a user or subscription another transaction holds (a purchase chaining after it, a family generation)
 * waits for the next sweep, so the sweep never waits for anyone and cannot take part in a deadlock. Overlapping sweeps
 * split the work the same way.
 */
export async function emitLifecycleEvents(
  db: Db,
  options: { limit?: number } = {},
): Promise<{ started: number; ended: number }> {
  const limit = options.limit ?? 500;
  const at = now();
  const dueToStart = and(isNull(subscriptions.startedEventAt), lte(subscriptions.startAt, at));
  const dueToEnd = and(
    isNull(subscriptions.endedEventAt),
    isNotNull(subscriptions.startedEventAt),
    lte(subscriptions.endAt, at),
  );
  return db.transaction(async (tx) => {
    const owners = [
      ...(await tx
        .select({ userId: subscriptions.userId })
        .from(subscriptions)
        .where(dueToStart)
        .orderBy(subscriptions.startAt)
        .limit(limit)),
      ...(await tx
        .select({ userId: subscriptions.userId })
        .from(subscriptions)
        .where(dueToEnd)
        .orderBy(subscriptions.endAt)
        .limit(limit)),
    ].map((row) => row.userId);
    if (owners.length === 0) return { started: 0, ended: 0 };
    const lockedUsers = (
      await tx
        .select({ id: users.id })
        .from(users)
        .where(inArray(users.id, [...new Set(owners)]))
        .orderBy(asc(users.id))
        .for("no key update", { skipLocked: true })
    ).map((user) => user.id);
    if (lockedUsers.length === 0) return { started: 0, ended: 0 };
    const ofLockedUsers = inArray(subscriptions.userId, lockedUsers);

    const toStart = tx
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(and(dueToStart, ofLockedUsers))
      .orderBy(subscriptions.startAt)
      .limit(limit)
      .for("no key update", { skipLocked: true });
    const started = await tx
      .update(subscriptions)
      .set({ startedEventAt: at })
      .where(inArray(subscriptions.id, toStart))
      .returning();

    const toEnd = tx
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(and(dueToEnd, ofLockedUsers))
      .orderBy(subscriptions.endAt)
      .limit(limit)
      .for("no key update", { skipLocked: true });
    const ended = await tx
      .update(subscriptions)
      .set({ endedEventAt: at })
      .where(inArray(subscriptions.id, toEnd))
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
