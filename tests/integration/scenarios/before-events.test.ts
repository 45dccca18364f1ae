import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceClock, DAY_MS, freezeClock, MINUTE_MS, now } from "@/lib/clock";
import { recurrentPayments, scenarioBeforeEventFires, scenarioRuns } from "@/lib/db/schema";
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
});
