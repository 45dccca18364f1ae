import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS, freezeClock, MINUTE_MS, now } from "@/lib/clock";
import { scenarioBeforeEventFires } from "@/lib/db/schema";
import { createBeforeEventRuns } from "@/lib/scenarios/before-events/create-before-event-runs";
import {
  listBeforeEventNodes,
  recordBeforeEventFires,
} from "@/lib/scenarios/before-events/record-before-event-fires";
import { evaluateCriteria } from "@/lib/scenarios/criteria";
import { claimScenarioRun } from "@/lib/scenarios/engine/claim-scenario-run";
import { createRunContext } from "@/lib/scenarios/run-context";
import { simulateScenario } from "@/lib/scenarios/simulate-scenario";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { startLocalInngest } from "../../support/local-inngest";
import { openTestDatabase } from "../../support/test-database";
import { seedCatalog } from "../services/fixtures";
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
let accessEnds: number;
let everyEnd: number;
const db = () => database.db;
const HOUR_MS = 60 * MINUTE_MS;
const hasFollowing = (value: boolean) => ({
  kind: "subscription" as const,
  key: "has_following",
  operator: "is",
  value,
});

beforeAll(async () => {
  delete process.env.SMTP_URL;
  database = await openTestDatabase();
  freezeClock(new Date("2026-10-01T00:00:00Z"));
  catalog = await seedCatalog(database.db);
  await templates(database.db, "reminder");
  const graph = (config: Record<string, unknown>) => ({
    nodes: [
      n("t", "before_event", { trigger: "subscription_ends", minutes: 1440, ...config }),
      email("mail", "reminder"),
    ],
    edges: [e("e1", "t", "out", "mail")],
  });
  // Stored without the option, as nodes published before it existed are: access ends is the default.
  ({ scenarioId: accessEnds } = await enabledScenario(database.db, graph({})));
  ({ scenarioId: everyEnd } = await enabledScenario(database.db, graph({ fires: "every_end" })));
  inngest = await startLocalInngest(database.db);
  await inngest.executor.drain();
  await inngest.advance(10 * MINUTE_MS); // the first tick: the cursor starts here
});
afterAll(async () => {
  await inngest.stop();
  await database.close();
});

/** A user whose subscription ends `endsIn` from now, renewed by one starting `renewalStartsAfterEnd` after its end. */
async function subscriber(endsIn: number, renewalStartsAfterEnd: number | null = null) {
  const user = await customer(db());
  const ending = await createSubscription(db(), {
    userId: user.id,
    subscriptionTypeId: catalog.webMonth.id,
    startAt: new Date(now().getTime() - 10 * DAY_MS),
    endAt: new Date(now().getTime() + endsIn),
  });
  if (renewalStartsAfterEnd !== null) await renew(user.id, ending.endAt, renewalStartsAfterEnd);
  return { user, ending };
}

async function renew(userId: number, endAt: Date, startsAfterEnd = 0) {
  return createSubscription(db(), {
    userId,
    subscriptionTypeId: catalog.webMonth.id,
    startAt: new Date(endAt.getTime() + startsAfterEnd),
    endAt: new Date(endAt.getTime() + startsAfterEnd + 31 * DAY_MS),
  });
}

const usersOf = async (scenarioId: number) =>
  (await runsOf(db(), scenarioId)).map((r) => r.userId).sort();

describe("subscription_ends fires when access ends", () => {
  it("skips a user whose renewal starts at the end, unless the node fires at every end", async () => {
    const renewed = await subscriber(DAY_MS + 20 * MINUTE_MS, 0);
    const lapsing = await subscriber(DAY_MS + 30 * MINUTE_MS);
    // A renewal a minute after the end leaves a gap: the access ends.
    const late = await subscriber(DAY_MS + 40 * MINUTE_MS, MINUTE_MS);

    await inngest.advance(HOUR_MS);

    expect(await usersOf(accessEnds)).toEqual([lapsing.user.id, late.user.id].sort());
    expect(await usersOf(everyEnd)).toEqual(
      [renewed.user.id, lapsing.user.id, late.user.id].sort(),
    );
    expect(await emailsTo(db(), renewed.user.id)).toHaveLength(1); // from the every-end scenario only
    expect(await emailsTo(db(), lapsing.user.id)).toHaveLength(2);
  });

  it("counts a renewal bought after the occurrence was recorded, before it fell due", async () => {
    const window = {
      from: new Date(now().getTime() + 2 * HOUR_MS),
      to: new Date(now().getTime() + 2 * HOUR_MS + 10 * MINUTE_MS),
    };
    const { user, ending } = await subscriber(
      window.from.getTime() - now().getTime() + DAY_MS + 5 * MINUTE_MS,
    );
    const nodes = await listBeforeEventNodes(db());
    await recordBeforeEventFires(db(), nodes, window);
    const recorded = await db()
      .select()
      .from(scenarioBeforeEventFires)
      .where(eq(scenarioBeforeEventFires.userId, user.id));
    expect(recorded.map((f) => f.scenarioId).sort()).toEqual([accessEnds, everyEnd].sort());

    await renew(user.id, ending.endAt);
    expect(await createBeforeEventRuns(db(), nodes, window)).toBe(1);

    const fireOf = async (scenarioId: number) =>
      (
        await db()
          .select()
          .from(scenarioBeforeEventFires)
          .where(
            and(
              eq(scenarioBeforeEventFires.userId, user.id),
              eq(scenarioBeforeEventFires.scenarioId, scenarioId),
            ),
          )
      )[0];
    expect((await fireOf(accessEnds))?.runId).toBeNull();
    expect((await fireOf(everyEnd))?.runId).not.toBeNull();
  });

  it("cancels at its start a run whose user renewed after it was created", async () => {
    const window = {
      from: new Date(now().getTime() + 3 * HOUR_MS),
      to: new Date(now().getTime() + 3 * HOUR_MS + 10 * MINUTE_MS),
    };
    const { user, ending } = await subscriber(
      window.from.getTime() - now().getTime() + DAY_MS + 5 * MINUTE_MS,
    );
    const nodes = await listBeforeEventNodes(db());
    await recordBeforeEventFires(db(), nodes, window);
    expect(await createBeforeEventRuns(db(), nodes, window)).toBe(2);
    await renew(user.id, ending.endAt);

    const runOf = async (scenarioId: number) =>
      (await runsOf(db(), scenarioId)).find((run) => run.userId === user.id)!;
    const claim = async (scenarioId: number) =>
      claimScenarioRun(db(), {
        runId: (await runOf(scenarioId)).id,
        executorRunId: `start-${scenarioId}`,
      });
    expect(await claim(accessEnds)).toBeNull();
    expect(await runOf(accessEnds)).toMatchObject({
      status: "cancelled",
      statusReason: "before_event_date_changed",
    });
    expect(await claim(everyEnd)).not.toBeNull();
  });
});

describe("criterion: has a following subscription", () => {
  const check = async (
    userId: number,
    payload: Record<string, unknown>,
    value: boolean,
  ): Promise<{ holds: boolean; actual: unknown }> => {
    const context = createRunContext({
      db: db(),
      now: now(),
      userId,
      trigger: { event: "before:subscription_ends", payload },
    });
    const { holds, facts } = await evaluateCriteria(context, [hasFollowing(value)]);
    return { holds, actual: facts.criteria[0]?.actual };
  };

  it("answers for the trigger's subscription, else for the user's actual one", async () => {
    const renewed = await subscriber(5 * DAY_MS, 0);
    const lapsing = await subscriber(5 * DAY_MS);
    const ofRenewed = { subscription_id: renewed.ending.id };

    expect(await check(renewed.user.id, ofRenewed, true)).toEqual({ holds: true, actual: true });
    expect(await check(renewed.user.id, ofRenewed, false)).toEqual({ holds: false, actual: true });
    expect(await check(lapsing.user.id, { subscription_id: lapsing.ending.id }, false)).toEqual({
      holds: true,
      actual: false,
    });
    // No subscription in the payload: the user's actual subscription (the renewal has not started yet).
    expect(await check(renewed.user.id, {}, true)).toEqual({ holds: true, actual: true });
    expect(await check(lapsing.user.id, {}, true)).toEqual({ holds: false, actual: false });
    // Nothing actual: neither answer holds.
    const nobody = await customer(db());
    expect(await check(nobody.id, {}, false)).toEqual({ holds: false, actual: null });
  });

  it("is simulated like any criterion", async () => {
    const { scenarioId } = await enabledScenario(db(), {
      nodes: [
        n("t", "event", { event: "subscription.started" }),
        n("c", "condition", { criteria: [hasFollowing(false)] }, ["yes", "no"]),
      ],
      edges: [e("e1", "t", "out", "c")],
    });
    const renewed = await subscriber(5 * DAY_MS, 0);
    const simulate = (subscriptionId: number) =>
      simulateScenario(db(), {
        scenarioId,
        version: "current",
        userId: renewed.user.id,
        trigger: { event: "subscription.started", payload: { subscription_id: subscriptionId } },
      });
    const ofEnding = await simulate(renewed.ending.id);
    expect(ofEnding.steps.map((s) => [s.nodeId, s.outcome])).toEqual([
      ["t", "out"],
      ["c", "no"],
    ]);
  });
});
