// Over 300 lines: one integration suite for the before-events cron, sharing one executor and clock across its cases.
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceClock, DAY_MS, freezeClock, MINUTE_MS, now } from "@/lib/clock";
import {
  recurrentPayments,
  scenarioBeforeEventFires,
  scenarioReportCounters,
  scenarioRuns,
} from "@/lib/db/schema";
import { createBeforeEventRuns } from "@/lib/scenarios/before-events/create-before-event-runs";
import {
  listBeforeEventNodes,
  recordBeforeEventFires,
} from "@/lib/scenarios/before-events/record-before-event-fires";
import { startBeforeEventRuns } from "@/lib/scenarios/before-events/start-before-event-runs";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { extendActualSubscription } from "@/lib/subscriptions/extend-subscription";
import { SCENARIO_RUN_EVENT } from "@/inngest/events";
import { startLocalInngest } from "../../support/local-inngest";
import { openTestDatabase } from "../../support/test-database";
import { buyPaid, seedCatalog } from "../services/fixtures";
import {
  customer,
  e,
  email,
  emailsTo,
  enabledScenario,
  n,
  runsOf,
  templates,
} from "./scenario-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let inngest: Awaited<ReturnType<typeof startLocalInngest>>;
let catalog: Awaited<ReturnType<typeof seedCatalog>>;
let scenarioId: number;
const db = () => database.db;

/** The scenario report's entries of a scenario, all days and groups. */
async function entered(scenarioId: number): Promise<number> {
  const rows = await db()
    .select({ entered: scenarioReportCounters.entered })
    .from(scenarioReportCounters)
    .where(
      and(
        eq(scenarioReportCounters.scenarioId, scenarioId),
        eq(scenarioReportCounters.kind, "scenario"),
      ),
    );
  return rows.reduce((sum, row) => sum + row.entered, 0);
}
const HOUR_MS = 60 * MINUTE_MS;

beforeAll(async () => {
  delete process.env.SMTP_URL;
  database = await openTestDatabase();
  freezeClock(new Date("2026-10-01T00:00:00Z"));
  catalog = await seedCatalog(database.db);
  await templates(database.db, "reminder");
  ({ scenarioId } = await enabledScenario(database.db, {
    nodes: [
      n("t", "before_event", { trigger: "subscription_ends", minutes: 1440 }),
      email("mail", "reminder"),
    ],
    edges: [e("e1", "t", "out", "mail")],
  }));
  inngest = await startLocalInngest(database.db);
  await inngest.executor.drain(); // the executor starts counting cron ticks
  await inngest.advance(10 * MINUTE_MS); // the first tick: the cursor starts here
});
afterAll(async () => {
  await inngest.stop();
  await database.close();
});

/** A user whose only subscription ends `endsIn` from now. */
async function endingIn(endsIn: number) {
  const user = await customer(db());
  const startAt = new Date(now().getTime() - 10 * DAY_MS);
  await createSubscription(db(), {
    userId: user.id,
    subscriptionTypeId: catalog.webMonth.id,
    startAt,
    endAt: new Date(now().getTime() + endsIn),
  });
  return user;
}

describe("before-events", () => {
  it("catches up after a 2-hour outage without duplicates, and skips a subscription extended before its time", async () => {
    const dueIn30m = await endingIn(DAY_MS + 30 * MINUTE_MS);
    const dueIn90m = await endingIn(DAY_MS + 90 * MINUTE_MS);
    const extended = await endingIn(DAY_MS + 60 * MINUTE_MS);
    const later = await endingIn(DAY_MS + 5 * HOUR_MS);
    await extendActualSubscription(db(), { userId: extended.id, days: 10 });

    advanceClock(2 * HOUR_MS); // nothing runs: the executor is down
    await inngest.advance(MINUTE_MS); // back up: the next tick's window starts where the last one ended
    for (let i = 0; i < 4; i++) await inngest.advance(10 * MINUTE_MS); // more ticks find nothing new

    const runs = await runsOf(db(), scenarioId);
    expect(runs.map((r) => r.userId).sort()).toEqual([dueIn30m.id, dueIn90m.id].sort());
    expect(
      runs.every((r) => r.status === "completed" && r.triggerEvent === "before:subscription_ends"),
    ).toBe(true);
    expect(await emailsTo(db(), dueIn30m.id)).toHaveLength(1);
    expect(await emailsTo(db(), dueIn90m.id)).toHaveLength(1);
    expect(await emailsTo(db(), extended.id)).toHaveLength(0);

    await inngest.advance(4 * HOUR_MS);
    expect(await emailsTo(db(), later.id)).toHaveLength(1);
    expect(await runsOf(db(), scenarioId)).toHaveLength(3);
  });

  it("re-checks the date when the run starts: a subscription extended after it fell due does not fire for the old date", async () => {
    const user = await endingIn(DAY_MS + 5 * MINUTE_MS);
    const from = now();
    const runIds = await startBeforeEventRuns(db(), {
      from,
      to: new Date(from.getTime() + 10 * MINUTE_MS),
    });
    const [fire] = await db()
      .select()
      .from(scenarioBeforeEventFires)
      .where(eq(scenarioBeforeEventFires.userId, user.id));
    expect(fire?.runId).toBeDefined();
    expect(runIds).toContain(fire!.runId);

    const [created] = await db()
      .select({ scenarioId: scenarioRuns.scenarioId })
      .from(scenarioRuns)
      .where(eq(scenarioRuns.id, fire!.runId!));
    const enteredBefore = await entered(created!.scenarioId);
    await extendActualSubscription(db(), { userId: user.id, days: 31 });
    const { inngest: client } = await import("@/inngest/client");
    await client.send({
      id: `scenario-run:${fire!.runId}`,
      name: SCENARIO_RUN_EVENT,
      data: { run_id: fire!.runId },
    });
    await inngest.executor.drain();

    const [run] = await db().select().from(scenarioRuns).where(eq(scenarioRuns.id, fire!.runId!));
    expect(run).toMatchObject({ status: "cancelled", statusReason: "before_event_date_changed" });
    expect(await emailsTo(db(), user.id)).toHaveLength(0);
    // It never ran: the scenario's report no longer counts it as an entry.
    expect(await entered(run!.scenarioId)).toBe(enteredBefore - 1);
    // The same window again records nothing new.
    expect(
      await startBeforeEventRuns(db(), { from, to: new Date(from.getTime() + 10 * MINUTE_MS) }),
    ).toEqual(runIds);
  });

  it("fires a trigger with no offset at the end itself, though the lifecycle marks the subscription ended first", async () => {
    const { scenarioId: atEnd } = await enabledScenario(db(), {
      nodes: [
        n("t", "before_event", { trigger: "subscription_ends", minutes: 0 }),
        email("mail", "reminder"),
      ],
      edges: [e("e1", "t", "out", "mail")],
    });
    const user = await endingIn(3 * MINUTE_MS);
    await inngest.advance(5 * MINUTE_MS); // the minute lifecycle sweep records subscription.ended
    await inngest.advance(10 * MINUTE_MS); // then the before-events tick covers the end
    const runs = await runsOf(db(), atEnd);
    expect(runs.map((r) => [r.userId, r.status])).toEqual([[user.id, "completed"]]);
  });

  it("finds recurrent payments due to be charged or to expire, carrying their payment for criteria", async () => {
    const graph = (trigger: string) => ({
      nodes: [
        n("t", "before_event", { trigger, minutes: 2 * 1440 }),
        n(
          "c",
          "condition",
          { criteria: [{ kind: "payment", key: "amount", operator: "gte", value: 1 }] },
          ["yes", "no"],
        ),
      ],
      edges: [e("e1", "t", "out", "c")],
    });
    const charge = await enabledScenario(db(), graph("recurrent_payment_charge"));
    const expiry = await enabledScenario(db(), graph("recurrent_payment_expires"));
    const user = await customer(db());
    const { payment } = await buyPaid(db(), user.id, "web_month", "tok_visa");
    const expiresAt = new Date(now().getTime() + 90 * DAY_MS);
    await db()
      .update(recurrentPayments)
      .set({ expiresAt })
      .where(eq(recurrentPayments.parentPaymentId, payment.id));
    const [recurrent] = await db()
      .select()
      .from(recurrentPayments)
      .where(eq(recurrentPayments.parentPaymentId, payment.id));

    const around = (date: Date) => ({
      from: new Date(date.getTime() - 2 * DAY_MS - MINUTE_MS),
      to: new Date(date.getTime() - 2 * DAY_MS + MINUTE_MS),
    });
    await startBeforeEventRuns(db(), around(recurrent!.chargeAt));
    await startBeforeEventRuns(db(), around(expiresAt));
    const recorded = await db()
      .select()
      .from(scenarioBeforeEventFires)
      .where(eq(scenarioBeforeEventFires.userId, user.id));
    expect(
      recorded.map((f) => [f.scenarioId, f.trigger, f.entityId, f.entityDate.getTime()]).sort(),
    ).toEqual(
      [
        [
          charge.scenarioId,
          "recurrent_payment_charge",
          recurrent!.id,
          recurrent!.chargeAt.getTime(),
        ],
        [expiry.scenarioId, "recurrent_payment_expires", recurrent!.id, expiresAt.getTime()],
      ].sort(),
    );
    expect(
      recorded.every(
        (f) =>
          f.payload.payment_id === payment.id &&
          f.payload.recurrent_payment_id === recurrent!.id &&
          f.runId !== null,
      ),
    ).toBe(true);
  });

  it("overlapping ticks create each occurrence's run once, and a 'once' scenario one run per user", async () => {
    // 3 days before: no other scenario of this file fires for these subscriptions while the test runs.
    const graph = {
      // A user's two overlapping subscriptions: each end is an occurrence, not only where access ends.
      nodes: [
        n(
          "t",
          "before_event",
          { trigger: "subscription_ends", minutes: 3 * 1440, fires: "every_end" },
          ["out"],
        ),
      ],
      edges: [],
    };
    const always = await enabledScenario(db(), graph);
    const once = await enabledScenario(db(), graph, { reentry: "once" });
    const start = new Date(now().getTime() + HOUR_MS);
    const users = await Promise.all(Array.from({ length: 8 }, () => customer(db())));
    for (const user of users) {
      for (const minutes of [4, 12]) {
        await createSubscription(db(), {
          userId: user.id,
          subscriptionTypeId: catalog.webMonth.id,
          startAt: new Date(now().getTime() - 10 * DAY_MS),
          endAt: new Date(start.getTime() + 3 * DAY_MS + minutes * MINUTE_MS),
        });
      }
    }
    const windowFrom = (fromMinute: number, toMinute: number) => ({
      from: new Date(start.getTime() + fromMinute * MINUTE_MS),
      to: new Date(start.getTime() + toMinute * MINUTE_MS),
    });
    // On a server these run on separate connections at once; each window holds one or both subscriptions of a user.
    const returned = await Promise.all(
      [
        windowFrom(0, 10),
        windowFrom(0, 10),
        windowFrom(2, 15),
        windowFrom(10, 20),
        windowFrom(0, 20),
      ].map((window) => startBeforeEventRuns(db(), window)),
    );

    const alwaysRuns = await runsOf(db(), always.scenarioId);
    expect(alwaysRuns).toHaveLength(2 * users.length);
    expect(new Set(alwaysRuns.map((r) => r.triggerKey)).size).toBe(2 * users.length);
    const onceRuns = await runsOf(db(), once.scenarioId);
    expect(onceRuns.map((r) => r.userId).sort()).toEqual(users.map((u) => u.id).sort());
    const fires = await db()
      .select()
      .from(scenarioBeforeEventFires)
      .where(inArray(scenarioBeforeEventFires.scenarioId, [always.scenarioId, once.scenarioId]));
    expect(fires).toHaveLength(4 * users.length);
    // Every always-occurrence points at its own run; the once-scenario's second occurrence of a user has none.
    expect(
      fires
        .filter((f) => f.scenarioId === always.scenarioId)
        .map((f) => f.runId)
        .sort(),
    ).toEqual(alwaysRuns.map((r) => r.id).sort());
    expect(
      fires
        .filter((f) => f.scenarioId === once.scenarioId && f.runId !== null)
        .map((f) => f.runId)
        .sort(),
    ).toEqual(onceRuns.map((r) => r.id).sort());
    // The whole window's ticks hand back every run, so the run that another tick created is sent too.
    expect(returned[4]).toEqual(
      expect.arrayContaining([...alwaysRuns, ...onceRuns].map((r) => r.id)),
    );
  });

  it("a retried tick creates nothing twice, also after a tick that stopped between recording and creating runs", async () => {
    const graph = {
      // A user's two overlapping subscriptions: each end is an occurrence, not only where access ends.
      nodes: [
        n(
          "t",
          "before_event",
          { trigger: "subscription_ends", minutes: 4 * 1440, fires: "every_end" },
          ["out"],
        ),
      ],
      edges: [],
    };
    const always = await enabledScenario(db(), graph);
    const once = await enabledScenario(db(), graph, { reentry: "once" });
    const window = {
      from: new Date(now().getTime() + HOUR_MS),
      to: new Date(now().getTime() + HOUR_MS + 10 * MINUTE_MS),
    };
    const user = await customer(db());
    for (const minutes of [3, 6]) {
      await createSubscription(db(), {
        userId: user.id,
        subscriptionTypeId: catalog.webMonth.id,
        startAt: new Date(now().getTime() - 10 * DAY_MS),
        endAt: new Date(window.from.getTime() + 4 * DAY_MS + minutes * MINUTE_MS),
      });
    }
    // The first attempt recorded the occurrences and then failed.
    await recordBeforeEventFires(db(), await listBeforeEventNodes(db()), window);
    const first = await startBeforeEventRuns(db(), window);
    const retried = await startBeforeEventRuns(db(), window);

    expect(retried).toEqual(first);
    expect(await createBeforeEventRuns(db(), await listBeforeEventNodes(db()), window)).toBe(0);
    const alwaysRuns = await runsOf(db(), always.scenarioId);
    const onceRuns = await runsOf(db(), once.scenarioId);
    expect(alwaysRuns).toHaveLength(2);
    expect(onceRuns).toHaveLength(1);
    expect(first).toEqual(expect.arrayContaining([...alwaysRuns, ...onceRuns].map((r) => r.id)));
    // The run carries the occurrence: its key, its entry node and the payload the start-time re-check reads.
    const [earlier] = await db()
      .select()
      .from(scenarioBeforeEventFires)
      .where(
        and(
          eq(scenarioBeforeEventFires.scenarioId, once.scenarioId),
          eq(scenarioBeforeEventFires.runId, onceRuns[0]!.id),
        ),
      );
    expect(onceRuns[0]).toMatchObject({
      userId: user.id,
      versionId: once.versionId,
      triggerKey: `before:t:${earlier!.entityId}:${earlier!.entityDate.toISOString()}`,
      triggerEvent: "before:subscription_ends",
      entryNodeIds: ["t"],
      triggerPayload: { ...earlier!.payload, user_id: user.id },
    });
    // The once-scenario admits the user's first occurrence of the window.
    expect(earlier!.dueAt.getTime()).toBe(window.from.getTime() + 3 * MINUTE_MS);
  });

  it("a window of many due subscriptions creates all its runs and sends them in several batches", async () => {
    // More than one batch of run events (500), and, under a re-entry rule, more than one chunk of locked pairs (1,000).
    const MANY = 1200;
    const graph = {
      nodes: [n("t", "before_event", { trigger: "subscription_ends", minutes: 2 * 1440 }, ["out"])],
      edges: [],
    };
    const once = await enabledScenario(db(), graph, { reentry: "once" });
    const tag = randomUUID().slice(0, 8);
    const at = now().toISOString();
    // Due over the next 5 minutes: the next tick's window holds them all.
    await db().execute(sql`
      with created as (
        insert into users (email, name, created_at)
        select 'many-' || ${tag} || '-' || i || '@example.com', 'Many ' || i, ${at}::timestamptz
        from generate_series(1, ${MANY}) as i
        returning id
      )
      insert into subscriptions (user_id, subscription_type_id, start_at, end_at, is_paid, started_event_at,
        created_at, updated_at)
      select id, ${catalog.webMonth.id}, ${at}::timestamptz - interval '10 days',
        ${at}::timestamptz + interval '2 days' + (id % 280 + 10) * interval '1 second', true,
        ${at}::timestamptz - interval '10 days', ${at}::timestamptz, ${at}::timestamptz
      from created`);

    await inngest.advance(10 * MINUTE_MS);

    const runs = await runsOf(db(), once.scenarioId);
    expect(runs).toHaveLength(MANY);
    expect(new Set(runs.map((r) => r.userId)).size).toBe(MANY);
    // Every run's start event arrived: each was walked to the end.
    expect(runs.filter((r) => r.status !== "completed")).toEqual([]);
  }, 120_000);
});
