// Over 300 lines: one integration suite for runs that go on across executor runs, sharing one executor and clock.
import { createHash } from "node:crypto";
import { and, asc, inArray, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS, freezeClock, MINUTE_MS } from "@/lib/clock";
import { completeGoal } from "@/lib/goals/complete-goal";
import { localRuns, localSteps } from "@/inngest/local/schema";
import { startLocalInngest } from "../../support/local-inngest";
import { openTestDatabase } from "../../support/test-database";
import {
  customer,
  e,
  email,
  emailsTo,
  enabledScenario,
  fire,
  goal,
  n,
  on,
  pathOf,
  runsOf,
  stepsOf,
  templates,
  wait,
} from "./scenario-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let inngest: Awaited<ReturnType<typeof startLocalInngest>>;
const db = () => database.db;

const HOUR_MS = 60 * MINUTE_MS;
/** The step budget of one executor run in these tests (900 in production). */
const MAX_STEPS = 30;

beforeAll(async () => {
  delete process.env.SMTP_URL;
  // A one-hour platform maximum, so a one-day wait is 24 chained sleeps.
  process.env.SCENARIO_MAX_SLEEP_MINUTES = "60";
  process.env.SCENARIO_MAX_STEPS_PER_RUN = String(MAX_STEPS);
  database = await openTestDatabase();
  freezeClock(new Date("2026-09-01T08:00:00Z"));
  inngest = await startLocalInngest(database.db);
  await inngest.executor.drain();
  await templates(database.db, "hello", "yes_mail", "no_mail");
  await goal(database.db, "profile");
});
afterAll(async () => {
  delete process.env.SCENARIO_MAX_SLEEP_MINUTES;
  delete process.env.SCENARIO_MAX_STEPS_PER_RUN;
  await inngest.stop();
  await database.close();
});

/** Long walks through the local executor, one drain per clock step. */
const LONG = 180_000;

/** The id Inngest knows a step by: the SHA-1 of the id the function gave it. */
const hashed = (stepId: string) => createHash("sha1").update(stepId).digest("hex");

/** Move the virtual clock `ms` forward in `by` steps, so each recheck runs at its own time. */
async function advanceInSteps(ms: number, by = 4 * HOUR_MS) {
  for (let passed = 0; passed < ms; passed += by) await inngest.advance(by);
}

/** The executor runs (first and continuations) that walked scenario run `runId`, oldest first, with their step ids. */
async function executorRunsOf(runId: number) {
  const runs = await db()
    .select({ id: localRuns.id, functionId: localRuns.functionId, status: localRuns.status })
    .from(localRuns)
    .where(
      and(
        like(localRuns.functionId, "%scenario-run%"),
        sql`(${localRuns.event} -> 'data' ->> 'run_id')::int = ${runId}`,
      ),
    )
    .orderBy(asc(localRuns.createdAt), asc(localRuns.id));
  const steps = runs.length
    ? await db()
        .select({ runId: localSteps.runId, stepId: localSteps.stepId })
        .from(localSteps)
        .where(
          inArray(
            localSteps.runId,
            runs.map((r) => r.id),
          ),
        )
        .orderBy(asc(localSteps.seq))
    : [];
  return runs.map((run) => ({
    ...run,
    steps: steps.filter((s) => s.runId === run.id).map((s) => s.stepId),
  }));
}

const longGoalScenario = (event: `custom.${string}`) =>
  enabledScenario(db(), {
    nodes: [
      on(event),
      email("mail", "hello"),
      wait("w", 1440),
      // A week of rechecks every four hours: 42 waits and checks, two steps each.
      n("g", "goal", { goals: ["profile"], recheckMinutes: 4 * 60, timeoutMinutes: 7 * 1440 }),
      email("gy", "yes_mail"),
      email("gn", "no_mail"),
    ],
    edges: [
      e("e1", "t", "out", "mail"),
      e("e2", "mail", "out", "w"),
      e("e3", "w", "out", "g"),
      e("e4", "g", "yes", "gy"),
      e("e5", "g", "no", "gn"),
    ],
  });

describe("a scenario run longer than one executor run's step budget", () => {
  it(
    "goes on in fresh executor runs of the same scenario run until its goal times out",
    async () => {
      const { scenarioId } = await longGoalScenario("custom.t_long_no");
      const user = await customer(db());
      await fire(db(), "custom.t_long_no", user.id);
      await inngest.advance(MINUTE_MS);
      await advanceInSteps(9 * DAY_MS);

      const [run] = await runsOf(db(), scenarioId);
      expect(run).toMatchObject({ status: "completed", userId: user.id });
      expect(await pathOf(db(), run!.id)).toEqual(["t:out", "mail:out", "w:out", "g:no", "gn:out"]);
      const visits = await stepsOf(db(), run!.id);
      expect(visits.map((v) => v.stepKey)).toEqual([
        "0/t/1",
        "0/mail/1",
        "0/w/1",
        "0/g/1",
        "0/gn/1",
      ]);
      const goalVisit = visits.find((v) => v.nodeId === "g")!;
      expect(goalVisit.facts).toMatchObject({ timed_out: true, missing: ["profile"] });
      // It timed out at its deadline, a week after entry (within one recheck period), not earlier.
      const spent = goalVisit.finishedAt!.getTime() - goalVisit.enteredAt.getTime();
      expect(spent).toBeGreaterThanOrEqual(7 * DAY_MS);
      expect(spent).toBeLessThan(7 * DAY_MS + 4 * HOUR_MS);
      // Every email once, though the run was walked by several executor runs.
      expect((await emailsTo(db(), user.id)).map((m) => m.templateCode).sort()).toEqual([
        "hello",
        "no_mail",
      ]);

      const executorRuns = await executorRunsOf(run!.id);
      expect(executorRuns.length).toBeGreaterThanOrEqual(4);
      expect(executorRuns[0]!.functionId).toMatch(/scenario-run$/);
      for (const later of executorRuns.slice(1)) {
        expect(later.functionId).toMatch(/scenario-run-continue$/);
      }
      for (const executorRun of executorRuns) {
        expect(executorRun.status).toBe("completed");
        // The budget, plus the step that reached a pause point and the continuation's send.
        expect(executorRun.steps.length).toBeLessThanOrEqual(MAX_STEPS + 2);
      }
      // Across the executor runs, the walk's steps are one sequence: each once, numbered on where the last run paused.
      // The trigger's visit (0/t/1) is done in the claim step.
      const walkSteps = executorRuns
        .flatMap((r) => r.steps)
        .filter((id) => id !== hashed("claim") && id !== hashed("continue"));
      expect(walkSteps).toEqual(
        [
          ...["0/mail/1", "0/w/1"],
          ...Array.from({ length: 24 }, (_, i) => `0/w/1 sleep ${i + 1}`),
          ...["0/w/1 done", "0/g/1", "0/g/1 check 0"],
          ...Array.from({ length: 42 }, (_, i) => [
            `0/g/1 wait ${i + 1}`,
            `0/g/1 check ${i + 1}`,
          ]).flat(),
          "0/gn/1",
        ].map(hashed),
      );
      expect(executorRuns.slice(0, -1).every((r) => r.steps.at(-1) === hashed("continue"))).toBe(
        true,
      );
      expect(executorRuns.at(-1)!.steps).not.toContain(hashed("continue"));
    },
    LONG,
  );

  it(
    "takes the goal's yes when the user completes it in a later executor run",
    async () => {
      const { scenarioId } = await longGoalScenario("custom.t_long_yes");
      const user = await customer(db());
      await fire(db(), "custom.t_long_yes", user.id);
      await inngest.advance(MINUTE_MS);
      await advanceInSteps(5 * DAY_MS);
      const [waiting] = await runsOf(db(), scenarioId);
      expect(waiting).toMatchObject({ status: "waiting" });
      expect((await executorRunsOf(waiting!.id)).length).toBeGreaterThanOrEqual(3);

      await completeGoal(db(), { goalCode: "profile", userId: user.id, source: "api" });
      await inngest.advance(MINUTE_MS);
      await inngest.advance(MINUTE_MS);

      const [run] = await runsOf(db(), scenarioId);
      expect(run).toMatchObject({ status: "completed" });
      expect(await pathOf(db(), run!.id)).toEqual([
        "t:out",
        "mail:out",
        "w:out",
        "g:yes",
        "gy:out",
      ]);
      expect((await emailsTo(db(), user.id)).map((m) => m.templateCode).sort()).toEqual([
        "hello",
        "yes_mail",
      ]);
      // Nothing walks on after the end: no executor run is left open, none continues the finished run.
      await advanceInSteps(2 * DAY_MS, DAY_MS);
      const executorRuns = await executorRunsOf(run!.id);
      expect(executorRuns.every((r) => r.status === "completed")).toBe(true);
      expect(executorRuns.at(-1)!.steps).not.toContain(hashed("continue"));
      expect(await stepsOf(db(), run!.id)).toHaveLength(5);
    },
    LONG,
  );

  it(
    "pauses every parallel lane and goes on with each where it stopped",
    async () => {
      const { scenarioId } = await enabledScenario(db(), {
        nodes: [
          on("custom.t_long_par"),
          wait("wa", 1440),
          wait("wb", 1440),
          email("ma", "yes_mail"),
          email("mb", "no_mail"),
        ],
        edges: [
          e("e1", "t", "out", "wa"),
          e("e2", "t", "out", "wb"),
          e("e3", "wa", "out", "ma"),
          e("e4", "wb", "out", "mb"),
        ],
      });
      const user = await customer(db());
      await fire(db(), "custom.t_long_par", user.id);
      await inngest.advance(MINUTE_MS);
      await advanceInSteps(2 * DAY_MS, HOUR_MS);

      const [run] = await runsOf(db(), scenarioId);
      expect(run).toMatchObject({ status: "completed" });
      expect((await stepsOf(db(), run!.id)).map((v) => `${v.stepKey}:${v.outcome}`).sort()).toEqual(
        ["0/t/1:out", "0.0/wa/1:out", "0.0/ma/1:out", "0.1/wb/1:out", "0.1/mb/1:out"].sort(),
      );
      expect((await emailsTo(db(), user.id)).map((m) => m.templateCode).sort()).toEqual([
        "no_mail",
        "yes_mail",
      ]);
      const executorRuns = await executorRunsOf(run!.id);
      expect(executorRuns.length).toBeGreaterThanOrEqual(2);
      // Both lanes paused inside their waits and finished them in a later executor run.
      expect(executorRuns[0]!.steps).toEqual(
        expect.arrayContaining([hashed("0.0/wa/1 sleep 1"), hashed("0.1/wb/1 sleep 1")]),
      );
      expect(executorRuns.at(-1)!.steps).toEqual(
        expect.arrayContaining([hashed("0.0/wa/1 done"), hashed("0.1/wb/1 done")]),
      );
      const walkSteps = executorRuns
        .flatMap((r) => r.steps)
        .filter((id) => id !== hashed("claim") && id !== hashed("continue"));
      const lane = (key: string) => [
        key,
        ...Array.from({ length: 24 }, (_, i) => `${key} sleep ${i + 1}`),
        `${key} done`,
      ];
      expect([...walkSteps].sort()).toEqual(
        [...lane("0.0/wa/1"), ...lane("0.1/wb/1"), "0.0/ma/1", "0.1/mb/1"].map(hashed).sort(),
      );
    },
    LONG,
  );

  it(
    "walks a run within the budget in one executor run, with the same steps as ever",
    async () => {
      const { scenarioId } = await enabledScenario(db(), {
        nodes: [on("custom.t_short"), wait("w", 120), email("mail", "hello")],
        edges: [e("e1", "t", "out", "w"), e("e2", "w", "out", "mail")],
      });
      const user = await customer(db());
      await fire(db(), "custom.t_short", user.id);
      await inngest.advance(MINUTE_MS);
      await advanceInSteps(3 * HOUR_MS, HOUR_MS);

      const [run] = await runsOf(db(), scenarioId);
      expect(run).toMatchObject({ status: "completed" });
      const executorRuns = await executorRunsOf(run!.id);
      expect(executorRuns).toHaveLength(1);
      // The claim step visits the trigger too: 0/t/1 is a visit, not a step of its own.
      expect(executorRuns[0]!.steps).toEqual(
        ["claim", "0/w/1", "0/w/1 sleep 1", "0/w/1 sleep 2", "0/w/1 done", "0/mail/1"].map(hashed),
      );
      expect(await pathOf(db(), run!.id)).toEqual(["t:out", "w:out", "mail:out"]);
    },
    LONG,
  );
});
