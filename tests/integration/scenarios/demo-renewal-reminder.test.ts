import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS, freezeClock, MINUTE_MS, now } from "@/lib/clock";
import { scenarios, scenarioVersions } from "@/lib/db/schema";
import { publishScenario } from "@/lib/scenarios/admin/publish-scenario";
import { saveScenarioDraft } from "@/lib/scenarios/admin/save-scenario-draft";
import type { ScenarioGraph } from "@/lib/scenarios/graph";
import { startBeforeEventRuns } from "@/lib/scenarios/before-events/start-before-event-runs";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { SCENARIO_RUN_EVENT } from "@/inngest/events";
import { seedDemoEmailTemplates } from "@/scripts/seed/demo-email-templates";
import { seedDemoEngagement } from "@/scripts/seed/demo-engagement";
import { startLocalInngest } from "../../support/local-inngest";
import { openTestDatabase } from "../../support/test-database";
import { seedCatalog } from "../services/fixtures";
import { customer, emailsTo, pathOf, runsOf } from "./scenario-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let inngest: Awaited<ReturnType<typeof startLocalInngest>>;
let catalog: Awaited<ReturnType<typeof seedCatalog>>;
let reminder: number;
const db = () => database.db;
const HOUR_MS = 60 * MINUTE_MS;

/** The graph seeds before the following-subscription check gave "Renewal reminder". */
const earlierGraph = (minutes = 3 * 1440): ScenarioGraph => ({
  nodes: [
    {
      id: "ending",
      type: "before_event",
      config: { trigger: "subscription_ends", minutes },
      position: { x: 0, y: 0 },
    },
    {
      id: "paid",
      type: "condition",
      config: {
        criteria: [{ kind: "subscription", key: "is_paid", operator: "is", value: true }],
      },
      position: { x: 0, y: 120 },
      openPorts: ["no"],
    },
    {
      id: "remind",
      type: "email",
      config: { template: "renewal_reminder" },
      position: { x: 0, y: 240 },
      openPorts: ["out"],
    },
  ],
  edges: [
    { id: "e1", from: "ending", fromPort: "out", to: "paid" },
    { id: "e2", from: "paid", fromPort: "yes", to: "remind" },
  ],
});

beforeAll(async () => {
  delete process.env.SMTP_URL;
  database = await openTestDatabase();
  freezeClock(new Date("2026-10-01T00:00:00Z"));
  catalog = await seedCatalog(database.db);
  await seedDemoEmailTemplates(database.db);
  await seedDemoEngagement(database.db);
  const [scenario] = await database.db
    .select()
    .from(scenarios)
    .where(eq(scenarios.name, "Renewal reminder"));
  reminder = scenario!.id;
  inngest = await startLocalInngest(database.db);
  await inngest.executor.drain();
  await inngest.advance(10 * MINUTE_MS); // the first tick: the cursor starts here
});
afterAll(async () => {
  await inngest.stop();
  await database.close();
});

/** A paying customer whose subscription ends `endsIn` from now. */
async function paying(endsIn: number) {
  const user = await customer(db());
  const ending = await createSubscription(db(), {
    userId: user.id,
    subscriptionTypeId: catalog.webMonth.id,
    startAt: new Date(now().getTime() - 10 * DAY_MS),
    endAt: new Date(now().getTime() + endsIn),
    isPaid: true,
  });
  return { user, ending };
}

const renew = (userId: number, endAt: Date) =>
  createSubscription(db(), {
    userId,
    subscriptionTypeId: catalog.webMonth.id,
    startAt: endAt,
    endAt: new Date(endAt.getTime() + 31 * DAY_MS),
    isPaid: true,
  });

/** The reminders a user got (the demo's onboarding also welcomes every new customer). */
const reminders = async (userId: number) =>
  (await emailsTo(db(), userId)).filter((m) => m.templateCode === "renewal_reminder");

describe("demo: Renewal reminder", () => {
  it("reminds a customer whose access ends, not one who renewed before the run was created or before it started", async () => {
    const lapsing = await paying(3 * DAY_MS + 30 * MINUTE_MS);
    const renewed = await paying(3 * DAY_MS + 20 * MINUTE_MS);
    await renew(renewed.user.id, renewed.ending.endAt);

    await inngest.advance(HOUR_MS);

    expect((await runsOf(db(), reminder)).map((r) => r.userId)).toEqual([lapsing.user.id]);
    expect(await reminders(lapsing.user.id)).toHaveLength(1);
    expect(await reminders(renewed.user.id)).toHaveLength(0);

    // The run is created, then the customer renews before it starts.
    const late = await paying(3 * DAY_MS + 2 * HOUR_MS + 5 * MINUTE_MS);
    const from = new Date(now().getTime() + 2 * HOUR_MS);
    await startBeforeEventRuns(db(), { from, to: new Date(from.getTime() + 10 * MINUTE_MS) });
    const [run] = (await runsOf(db(), reminder)).filter((r) => r.userId === late.user.id);
    expect(run).toBeDefined();
    await renew(late.user.id, late.ending.endAt);
    const { inngest: client } = await import("@/inngest/client");
    await client.send({
      id: `scenario-run:${run!.id}`,
      name: SCENARIO_RUN_EVENT,
      data: { run_id: run!.id },
    });
    await inngest.executor.drain();

    // Its start finds the access no longer ending: cancelled before its first node.
    expect(await pathOf(db(), run!.id)).toEqual([]);
    expect((await runsOf(db(), reminder)).find((r) => r.id === run!.id)).toMatchObject({
      status: "cancelled",
      statusReason: "before_event_date_changed",
    });
    expect(await reminders(late.user.id)).toHaveLength(0);
  });

  it("is added to an install seeded before, once, and never to a reminder someone edited", async () => {
    expect(await seedDemoEngagement(db())).toEqual([]);
    const currentGraph = async () => {
      const [row] = await db()
        .select({ graph: scenarioVersions.graph, status: scenarios.status })
        .from(scenarios)
        .innerJoin(scenarioVersions, eq(scenarioVersions.id, scenarios.currentVersionId))
        .where(eq(scenarios.id, reminder));
      return row!;
    };
    const seededGraph = (await currentGraph()).graph;

    await saveScenarioDraft(db(), { scenarioId: reminder, graph: earlierGraph() });
    await publishScenario(db(), { scenarioId: reminder });
    expect(await seedDemoEngagement(db())).toEqual([
      "scenario Renewal reminder: no reminder to customers who renewed",
    ]);
    expect(await currentGraph()).toEqual({ graph: seededGraph, status: "enabled" });
    expect(await seedDemoEngagement(db())).toEqual([]);

    const edited = earlierGraph(2 * 1440);
    await saveScenarioDraft(db(), { scenarioId: reminder, graph: edited });
    await publishScenario(db(), { scenarioId: reminder });
    expect(await seedDemoEngagement(db())).toEqual([]);
    expect((await currentGraph()).graph).toEqual(edited);
  });
});
