import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceClock, DAY_MS, freezeClock, MINUTE_MS } from "@/lib/clock";
import { scenarios } from "@/lib/db/schema";
import { createScenarioRun } from "@/lib/scenarios/engine/create-scenario-run";
import { claimScenarioRun } from "@/lib/scenarios/engine/claim-scenario-run";
import { exitRunsForEvents } from "@/lib/scenarios/engine/exit-runs-for-events";
import { enterVisit } from "@/lib/scenarios/engine/run-visits";
import { visitIdentity, visitNode } from "@/lib/scenarios/engine/visit-node";
import type { ExitRules } from "@/lib/scenarios/exit-rules";
import { localRuns } from "@/inngest/local/schema";
import { startLocalInngest } from "../../support/local-inngest";
import { openTestDatabase } from "../../support/test-database";
import {
  customer,
  e,
  email,
  emailsTo,
  enabledScenario,
  fire,
  n,
  on,
  pathOf,
  runsOf,
  stepsOf,
  templates,
  wait,
  paidEvent,
} from "./scenario-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let inngest: Awaited<ReturnType<typeof startLocalInngest>>;
const db = () => database.db;

beforeAll(async () => {
  delete process.env.SMTP_URL;
  // A one-day platform maximum, so a 2-day wait for an event is two chained waits.
  process.env.SCENARIO_MAX_SLEEP_MINUTES = "1440";
  database = await openTestDatabase();
  freezeClock(new Date("2026-10-01T08:00:00Z"));
  inngest = await startLocalInngest(database.db);
  await inngest.executor.drain();
  await templates(database.db, "dunning_1", "dunning_2", "got_it", "gave_up");
});
afterAll(async () => {
  delete process.env.SCENARIO_MAX_SLEEP_MINUTES;
  await inngest.stop();
  await database.close();
});

/** Deliver the outbox and run everything due (the outbox sweep runs every minute). */
const settle = () => inngest.advance(MINUTE_MS);
const templatesSent = async (userId: number) =>
  (await emailsTo(db(), userId)).map((m) => m.templateCode).sort();

const paid = (userId: number, amountCents: number) => paidEvent(db(), userId, amountCents);

/** Dunning: a day after the failed charge the first reminder, two days later the second. */
const dunningGraph = (trigger: `custom.${string}`) => ({
  nodes: [
    on(trigger),
    wait("w1", 1440),
    email("m1", "dunning_1"),
    wait("w2", 2 * 1440),
    email("m2", "dunning_2"),
  ],
  edges: [
    e("e1", "t", "out", "w1"),
    e("e2", "w1", "out", "m1"),
    e("e3", "m1", "out", "w2"),
    e("e4", "w2", "out", "m2"),
  ],
});

async function withExitRules(scenarioId: number, exitRules: ExitRules) {
  await db().update(scenarios).set({ exitRules }).where(eq(scenarios.id, scenarioId));
}

/** A run of the scenario for the user, triggered by `custom.t_<name>`, created and claimed without the executor. */
async function claimedRun(
  scenario: { scenarioId: number; versionId: number },
  userId: number,
  name: string,
) {
  const runId = (await createScenarioRun(db(), {
    ...scenario,
    reentry: "always",
    reentryDays: null,
    userId,
    triggerKey: `test:${name}`,
    triggerEvent: `custom.t_${name}`,
    triggerPayload: {},
    entryNodeIds: ["t"],
  } as Parameters<typeof createScenarioRun>[1]))!;
  const run = (await claimScenarioRun(db(), { runId, executorRunId: `exec-${name}` }))!;
  return { runId, run };
}

describe("exit rules", () => {
  it("a matching payment.paid ends a waiting dunning run as exited; no later email is sent", async () => {
    const { scenarioId } = await enabledScenario(db(), dunningGraph("custom.t_dunning"));
    await withExitRules(scenarioId, [
      { event: "payment.paid", filter: [{ field: "amount_cents", op: "gte", value: 500 }] },
    ]);
    const payer = await customer(db());
    const small = await customer(db());
    await fire(db(), "custom.t_dunning", payer.id);
    await fire(db(), "custom.t_dunning", small.id);
    await settle();
    await inngest.advance(DAY_MS);
    expect(await templatesSent(payer.id)).toEqual(["dunning_1"]);
    expect(await templatesSent(small.id)).toEqual(["dunning_1"]);

    // Both now wait two days for the second reminder; one pays enough, the other pays too little.
    const paidId = await paid(payer.id, 999);
    await paid(small.id, 100);
    await settle();

    const runs = await runsOf(db(), scenarioId);
    const payerRun = runs.find((r) => r.userId === payer.id)!;
    const smallRun = runs.find((r) => r.userId === small.id)!;
    expect(payerRun).toMatchObject({ status: "exited", statusReason: "exit_event:payment.paid" });
    expect(payerRun.finishedAt).not.toBeNull();
    expect(smallRun.status).toBe("waiting");
    // The wait it was in is closed with the event that ended it.
    const w2 = (await stepsOf(db(), payerRun.id)).find((s) => s.nodeId === "w2")!;
    expect(w2.outcome).toBe("cancelled");
    expect(w2.facts).toMatchObject({ reason: "exited", event: "payment.paid", event_id: paidId });

    await inngest.advance(3 * DAY_MS);
    expect(await templatesSent(payer.id)).toEqual(["dunning_1"]);
    expect(await templatesSent(small.id)).toEqual(["dunning_1", "dunning_2"]);
    expect(await pathOf(db(), payerRun.id)).toEqual(["t:out", "w1:out", "m1:out", "w2:cancelled"]);
    const [after] = (await runsOf(db(), scenarioId)).filter((r) => r.userId === payer.id);
    expect(after!.status).toBe("exited");
    expect((await runsOf(db(), scenarioId)).find((r) => r.userId === small.id)!.status).toBe(
      "completed",
    );
    // The exited run's executor run was cancelled where it slept, not left to wake up.
    const [executorRun] = await db()
      .select({ status: localRuns.status })
      .from(localRuns)
      .where(eq(localRuns.id, payerRun.executorRunId!));
    expect(executorRun?.status).toBe("cancelled");
  });

  it("ends only runs of scenarios whose rules name the event, and not other users' runs", async () => {
    const withRule = await enabledScenario(db(), dunningGraph("custom.t_dunning2"));
    const without = await enabledScenario(db(), dunningGraph("custom.t_dunning2"));
    await withExitRules(withRule.scenarioId, [{ event: "custom.cancelled_plan", filter: [] }]);
    const user = await customer(db());
    const other = await customer(db());
    await fire(db(), "custom.t_dunning2", user.id);
    await fire(db(), "custom.t_dunning2", other.id);
    await settle();
    await fire(db(), "custom.cancelled_plan", user.id, { why: "price" });
    await settle();
    const [ruled] = (await runsOf(db(), withRule.scenarioId)).filter((r) => r.userId === user.id);
    const [otherRun] = (await runsOf(db(), withRule.scenarioId)).filter(
      (r) => r.userId === other.id,
    );
    const [free] = await runsOf(db(), without.scenarioId).then((runs) =>
      runs.filter((r) => r.userId === user.id),
    );
    expect(ruled!.status).toBe("exited");
    expect(ruled!.statusReason).toBe("exit_event:custom.cancelled_plan");
    expect(otherRun!.status).toBe("waiting");
    expect(free!.status).toBe("waiting");
  });

  it("an exit event later in the same dispatch batch ends the run an earlier event started; an earlier one does not", async () => {
    const { scenarioId } = await enabledScenario(db(), dunningGraph("custom.t_batch_start"));
    await withExitRules(scenarioId, [{ event: "custom.t_batch_exit", filter: [] }]);
    const startedThenLeft = await customer(db());
    const leftThenStarted = await customer(db());
    // Four events a second apart, delivered and dispatched together: one batch.
    await fire(db(), "custom.t_batch_start", startedThenLeft.id);
    advanceClock(1000);
    await fire(db(), "custom.t_batch_exit", startedThenLeft.id);
    advanceClock(1000);
    await fire(db(), "custom.t_batch_exit", leftThenStarted.id);
    advanceClock(1000);
    await fire(db(), "custom.t_batch_start", leftThenStarted.id);
    await settle();
    const runs = await runsOf(db(), scenarioId);
    expect(runs.find((r) => r.userId === startedThenLeft.id)).toMatchObject({
      status: "exited",
      statusReason: "exit_event:custom.t_batch_exit",
    });
    expect(runs.find((r) => r.userId === leftThenStarted.id)!.status).toBe("waiting");
    await inngest.advance(DAY_MS);
    expect(await templatesSent(startedThenLeft.id)).toEqual([]);
    expect(await templatesSent(leftThenStarted.id)).toEqual(["dunning_1"]);
  });

  it("a run caught between two nodes stops before the next node does anything", async () => {
    const { scenarioId, versionId } = await enabledScenario(db(), {
      nodes: [on("custom.t_between"), email("m1", "dunning_1")],
      edges: [e("e1", "t", "out", "m1")],
    });
    await withExitRules(scenarioId, [{ event: "custom.t_stop", filter: [] }]);
    const user = await customer(db());
    const { runId, run } = await claimedRun({ scenarioId, versionId }, user.id, "between");
    const exited = await exitRunsForEvents(db(), [
      { id: "evt-between", name: "custom.t_stop", userId: user.id, payload: {} },
    ]);
    expect(exited.map((x) => x.runId)).toEqual([runId]);
    const node = email("m1", "dunning_1");
    const result = await visitNode(db(), run, node, visitIdentity(run, node, "0/m1/1", 1, "e1"));
    expect(result).toEqual({ status: "stopped" });
    expect(await templatesSent(user.id)).toEqual([]);
    expect(await pathOf(db(), runId)).toEqual(["m1:cancelled"]);
  });
});

// Two connections: an embedded PGlite runs one transaction at a time. CI runs the suite on Postgres (DATABASE_URL).
describe.skipIf(!process.env.DATABASE_URL)("an exit while a node is being entered", () => {
  it("closes the visit that was entered as the exit waited for the run", async () => {
    const { scenarioId, versionId } = await enabledScenario(db(), {
      nodes: [on("custom.t_entering"), wait("w", 1440)],
      edges: [e("e1", "t", "out", "w")],
    });
    await withExitRules(scenarioId, [{ event: "custom.t_leave", filter: [] }]);
    const user = await customer(db());
    const { runId, run } = await claimedRun({ scenarioId, versionId }, user.id, "entering");
    const node = wait("w", 1440);
    let exiting: ReturnType<typeof exitRunsForEvents> | null = null;
    // The wait is entered (its visit inserted, the run marked waiting) in a transaction that holds the run while the
    // exit event is applied.
    await db().transaction(async (tx) => {
      await enterVisit(tx, visitIdentity(run, node, "0/w/1", 1, "e1"), { waiting: true });
      exiting = exitRunsForEvents(db(), [
        { id: "evt-leave", name: "custom.t_leave", userId: user.id, payload: {} },
      ]);
      await new Promise((resolve) => setTimeout(resolve, 200)); // the exit now waits for the run's row
    });
    expect((await exiting!).map((exit) => exit.runId)).toEqual([runId]);
    expect(await pathOf(db(), runId)).toEqual(["w:cancelled"]);
  });
});

describe("wait-for-event node", () => {
  const waitEventGraph = (trigger: `custom.${string}`) => ({
    nodes: [
      on(trigger),
      n("we", "wait_event", {
        event: "custom.t_signal",
        filter: [
          { field: "plan", op: "eq", value: "pro" },
          { field: "seats", op: "gt", value: 2 },
        ],
        timeoutMinutes: 2 * 1440,
      }),
      email("yes", "got_it"),
      email("no", "gave_up"),
    ],
    edges: [
      e("e1", "t", "out", "we"),
      e("e2", "we", "event", "yes"),
      e("e3", "we", "timeout", "no"),
    ],
  });

  it("continues through `event` on the user's custom event that passes the filter", async () => {
    const { scenarioId } = await enabledScenario(db(), waitEventGraph("custom.t_trial"));
    const user = await customer(db());
    const other = await customer(db());
    await fire(db(), "custom.t_trial", user.id);
    await settle();
    expect((await runsOf(db(), scenarioId))[0]!.status).toBe("waiting");

    await fire(db(), "custom.t_signal", user.id, { plan: "basic", seats: 5 });
    await fire(db(), "custom.t_signal", user.id, { plan: "pro", seats: 1 });
    await fire(db(), "custom.t_signal", other.id, { plan: "pro", seats: 5 });
    await settle();
    expect(await templatesSent(user.id)).toEqual([]);
    expect((await runsOf(db(), scenarioId))[0]!.status).toBe("waiting");

    const matchId = await fire(db(), "custom.t_signal", user.id, { plan: "pro", seats: 3 });
    await settle();
    expect(await templatesSent(user.id)).toEqual(["got_it"]);
    const [run] = await runsOf(db(), scenarioId);
    expect(run!.status).toBe("completed");
    expect(await pathOf(db(), run!.id)).toEqual(["t:out", "we:event", "yes:out"]);
    const visit = (await stepsOf(db(), run!.id)).find((s) => s.nodeId === "we")!;
    expect(visit.facts).toMatchObject({ event: "custom.t_signal", event_id: matchId });
  });

  it("continues through `timeout` when no matching event comes in time (two chained waits)", async () => {
    const { scenarioId } = await enabledScenario(db(), waitEventGraph("custom.t_trial_2"));
    const user = await customer(db());
    await fire(db(), "custom.t_trial_2", user.id);
    await settle();
    await inngest.advance(DAY_MS);
    expect(await templatesSent(user.id)).toEqual([]);
    await fire(db(), "custom.t_signal", user.id, { plan: "pro", seats: 1 });
    await settle();
    expect((await runsOf(db(), scenarioId))[0]!.status).toBe("waiting");
    await inngest.advance(DAY_MS);
    expect(await templatesSent(user.id)).toEqual(["gave_up"]);
    const [run] = await runsOf(db(), scenarioId);
    expect(await pathOf(db(), run!.id)).toEqual(["t:out", "we:timeout", "no:out"]);
    const visit = (await stepsOf(db(), run!.id)).find((s) => s.nodeId === "we")!;
    expect(visit.facts).toMatchObject({ timed_out: true, event: "custom.t_signal" });
  });

  it("wakes on a domain event (payment.paid) of the user", async () => {
    const { scenarioId } = await enabledScenario(db(), {
      nodes: [
        on("custom.t_trial_paid"),
        n("we", "wait_event", {
          event: "payment.paid",
          filter: [{ field: "amount_cents", op: "gte", value: 500 }],
          timeoutMinutes: 1440,
        }),
        email("yes", "got_it"),
      ],
      edges: [e("e1", "t", "out", "we"), e("e2", "we", "event", "yes")],
    });
    const user = await customer(db());
    await fire(db(), "custom.t_trial_paid", user.id);
    await settle();
    await paid(user.id, 499);
    await settle();
    expect(await templatesSent(user.id)).toEqual([]);
    await paid(user.id, 500);
    await settle();
    expect(await templatesSent(user.id)).toEqual(["got_it"]);
    expect((await runsOf(db(), scenarioId))[0]!.status).toBe("completed");
  });
});
