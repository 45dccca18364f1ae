import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { addDays, DAY_MS, freezeClock, MINUTE_MS, now } from "@/lib/clock";
import { events } from "@/lib/db/schema";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { createUser } from "@/lib/users/create-user";
import { localEvents, localRuns } from "@/inngest/local/schema";
import { openTestDatabase } from "../../support/test-database";
import { startLocalInngest } from "../../support/local-inngest";
import { seedCatalog, uniqueEmail } from "../services/fixtures";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let inngest: Awaited<ReturnType<typeof startLocalInngest>>;
let catalog: Awaited<ReturnType<typeof seedCatalog>>;

beforeAll(async () => {
  database = await openTestDatabase();
  freezeClock(new Date("2026-07-01T00:00:00Z"));
  catalog = await seedCatalog(database.db);
  inngest = await startLocalInngest(database.db);
  await inngest.executor.drain(); // registers the cron triggers from "now"
});
afterAll(async () => {
  await inngest.stop();
  await database.close();
});

async function lifecycleEvents(userId: number) {
  const rows = await database.db
    .select()
    .from(events)
    .where(eq(events.userId, userId))
    .orderBy(events.occurredAt);
  return rows
    .filter((row) => row.name.startsWith("subscription.s") || row.name === "subscription.ended")
    .map((row) => row.name);
}

describe("subscriptions-lifecycle", () => {
  it("emits started and ended exactly once each, catching up after downtime", async () => {
    const user = await createUser(database.db, { email: uniqueEmail("life") });
    await createSubscription(database.db, {
      userId: user.id,
      subscriptionTypeId: catalog.webMonth.id,
      startAt: addDays(now(), 1),
      endAt: addDays(now(), 3),
    });
    await inngest.advance(MINUTE_MS);
    expect(await lifecycleEvents(user.id)).toEqual([]);
    await inngest.advance(DAY_MS);
    await inngest.advance(MINUTE_MS);
    expect(await lifecycleEvents(user.id)).toEqual(["subscription.started"]);
    await inngest.advance(5 * DAY_MS); // "down" over the end: caught up by the next sweep
    await inngest.advance(MINUTE_MS);
    await inngest.advance(MINUTE_MS);
    expect(await lifecycleEvents(user.id)).toEqual(["subscription.started", "subscription.ended"]);
  });

  it("never emits for a subscription stopped before it started", async () => {
    const user = await createUser(database.db, { email: uniqueEmail("never") });
    await createSubscription(database.db, {
      userId: user.id,
      subscriptionTypeId: catalog.webMonth.id,
      startAt: now(),
      endAt: new Date(now().getTime() + 1000),
    });
    const zero = await createSubscription(database.db, {
      userId: user.id,
      subscriptionTypeId: catalog.webMonth.id,
      startAt: addDays(now(), 2),
      endAt: addDays(now(), 5),
    });
    const { stopSubscription } = await import("@/lib/subscriptions/stop-subscription");
    await stopSubscription(database.db, { subscriptionId: zero.id, actor: SYSTEM_ACTOR });
    await inngest.advance(6 * DAY_MS);
    await inngest.advance(MINUTE_MS);
    expect(await lifecycleEvents(user.id)).toEqual(["subscription.started", "subscription.ended"]);
  });
});

describe("outbox delivery", () => {
  it("delivers rows left unsent (a crash between commit and send) with the row id as the event id", async () => {
    const user = await createUser(database.db, { email: uniqueEmail("outbox") });
    const [row] = await database.db
      .select()
      .from(events)
      .where(and(eq(events.userId, user.id), eq(events.name, "user.created")));
    expect(row?.sentAt).toBeNull();
    await inngest.advance(MINUTE_MS);
    await inngest.advance(MINUTE_MS);
    const [delivered] = await database.db.select().from(events).where(eq(events.id, row!.id));
    expect(delivered?.sentAt).not.toBeNull();
    const received = await database.db
      .select()
      .from(localEvents)
      .where(eq(localEvents.id, row!.id));
    expect(received).toHaveLength(1);
    expect(received[0]?.event).toMatchObject({
      name: "user.created",
      data: { user_id: user.id, email: user.email },
    });

    // Sending the same row again (at-least-once) is collapsed by its id.
    await database.db.update(events).set({ sentAt: null }).where(eq(events.id, row!.id));
    await inngest.advance(MINUTE_MS);
    expect(
      await database.db.select().from(localEvents).where(eq(localEvents.id, row!.id)),
    ).toHaveLength(1);
    expect(await database.db.select().from(events).where(isNull(events.sentAt))).toEqual([]);
  });

  it("keeps rows and backs off while Inngest is unreachable", async () => {
    const { deliverEvents } = await import("@/lib/events/deliver-events");
    const user = await createUser(database.db, { email: uniqueEmail("down") });
    const result = await deliverEvents(database.db, {
      send: () => Promise.reject(new Error("connection refused")),
    });
    expect(result.failed).toBeGreaterThan(0);
    const [row] = await database.db.select().from(events).where(eq(events.userId, user.id));
    expect(row).toMatchObject({
      sentAt: null,
      sendAttempts: 1,
      lastSendError: "connection refused",
    });
    expect(row!.nextSendAt!.getTime()).toBeGreaterThan(now().getTime());
    await inngest.advance(MINUTE_MS);
    const [later] = await database.db.select().from(events).where(eq(events.userId, user.id));
    expect(later?.sentAt).not.toBeNull();
    const runs = await database.db.select().from(localRuns).where(eq(localRuns.status, "failed"));
    expect(runs).toEqual([]);
  });
});
