import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS, freezeClock, MINUTE_MS } from "@/lib/clock";
import { completeGoal } from "@/lib/goals/complete-goal";
import { claimScenarioRun } from "@/lib/scenarios/engine/claim-scenario-run";
import { createRunsForEvents } from "@/lib/scenarios/engine/create-runs-for-event";
import { createScenarioRun } from "@/lib/scenarios/engine/create-scenario-run";
import { visitEntryNodes, walkScenarioRun } from "@/lib/scenarios/engine/walk-scenario-run";
import { drawVariant } from "@/lib/scenarios/nodes/ab-test/execute";
import type { NodeOf } from "@/lib/scenarios/graph";
import { SCENARIO_RUN_EVENT } from "@/inngest/events";
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
  publishVersion,
  runsOf,
  setStatus,
  stepsOf,
  templates,
  wait,
} from "./scenario-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let inngest: Awaited<ReturnType<typeof startLocalInngest>>;
const db = () => database.db;
/** Answers for steps whose id contains this are lost once on their way back (the app did the work, the executor never heard). */
const loseAnswerOnce = new Set<string>();

beforeAll(async () => {
  delete process.env.SMTP_URL;
  // A one-day platform maximum, so a 3-day wait is three chained sleeps.
  process.env.SCENARIO_MAX_SLEEP_MINUTES = "1440";
  database = await openTestDatabase();
  freezeClock(new Date("2026-09-01T08:00:00Z"));
  inngest = await startLocalInngest(database.db, {
    intercept: async (response) => {
      if (response.status !== 206 || loseAnswerOnce.size === 0) return response;
      const body = await response.clone().text();
      for (const marker of loseAnswerOnce) {
        if (body.includes(marker)) {
          loseAnswerOnce.delete(marker);
          return new Response("connection lost", { status: 500 });
        }
      }
      return response;
    },
    // With checkpointing, a step's result reaches the executor first as a checkpoint: refusing the marked step's
    // checkpoint makes the SDK send it in its answer, which the interceptor above then loses.
    refuseCheckpoint: (body) => [...loseAnswerOnce].some((marker) => body.includes(marker)),
  });
  await inngest.executor.drain();
  await templates(
    database.db,
    "hello",
    "yes_mail",
    "no_mail",
    "v1_mail",
    "v2_mail",
    "a_mail",
    "b_mail",
  );
  await goal(database.db, "profile");
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

describe("scenario runs through the local executor", () => {
  it("waits 3 days (chained past the platform's maximum sleep), then sends the email", async () => {
    const { scenarioId } = await enabledScenario(db(), {
      nodes: [on("custom.t_wait"), wait("w", 3 * 1440), email("mail", "hello")],
      edges: [e("e1", "t", "out", "w"), e("e2", "w", "out", "mail")],
    });
    const user = await customer(db());
    await fire(db(), "custom.t_wait", user.id);
    await settle();
    expect((await runsOf(db(), scenarioId))[0]).toMatchObject({
      status: "waiting",
      userId: user.id,
    });
    await inngest.advance(2 * DAY_MS);
    expect(await templatesSent(user.id)).toEqual([]);
    await inngest.advance(DAY_MS);
    expect(await templatesSent(user.id)).toEqual(["hello"]);
    const [run] = await runsOf(db(), scenarioId);
    expect(run).toMatchObject({ status: "completed" });
    expect(await pathOf(db(), run!.id)).toEqual(["t:out", "w:out", "mail:out"]);
  });

  it("takes a condition's yes and no, recording the criterion that decided", async () => {
    const { scenarioId } = await enabledScenario(db(), {
      nodes: [
        on("custom.t_cond"),
        n("c", "condition", {
          criteria: [{ kind: "user", key: "email_domain", operator: "is", value: "yes.test" }],
        }),
        email("y", "yes_mail"),
        email("no", "no_mail"),
      ],
      edges: [e("e1", "t", "out", "c"), e("e2", "c", "yes", "y"), e("e3", "c", "no", "no")],
    });
    const inside = await customer(db(), `in-${Date.now()}@yes.test`);
    const outside = await customer(db(), `out-${Date.now()}@no.test`);
    await fire(db(), "custom.t_cond", inside.id);
    await fire(db(), "custom.t_cond", outside.id);
    await settle();
    expect(await templatesSent(inside.id)).toEqual(["yes_mail"]);
    expect(await templatesSent(outside.id)).toEqual(["no_mail"]);
    const runs = await runsOf(db(), scenarioId);
    const outsideRun = runs.find((r) => r.userId === outside.id)!;
    const condition = (await stepsOf(db(), outsideRun.id)).find((s) => s.nodeId === "c")!;
    expect(condition.outcome).toBe("no");
    expect(condition.facts).toMatchObject({
      decidedBy: {
        key: "email_domain",
        operator: "is",
        expected: "yes.test",
        actual: "no.test",
        holds: false,
      },
    });
  });

  it("finishes a goal early when it is completed, and with no when the timeout passes", async () => {
    const { scenarioId } = await enabledScenario(db(), {
      nodes: [
        on("custom.t_goal"),
        n("g", "goal", { goals: ["profile"], recheckMinutes: 12 * 60, timeoutMinutes: 3 * 1440 }),
        email("gy", "yes_mail"),
        email("gn", "no_mail"),
      ],
      edges: [e("e1", "t", "out", "g"), e("e2", "g", "yes", "gy"), e("e3", "g", "no", "gn")],
    });
    const early = await customer(db());
    const late = await customer(db());
    await fire(db(), "custom.t_goal", early.id);
    await fire(db(), "custom.t_goal", late.id);
    await settle();
    await completeGoal(db(), { goalCode: "profile", userId: early.id, source: "api" });
    await settle(); // goal.completed wakes the wait long before the 12-hour recheck
    await settle();
    expect(await templatesSent(early.id)).toEqual(["yes_mail"]);
    expect(await templatesSent(late.id)).toEqual([]);
    await inngest.advance(3 * DAY_MS);
    expect(await templatesSent(late.id)).toEqual(["no_mail"]);
    const lateRun = (await runsOf(db(), scenarioId)).find((r) => r.userId === late.id)!;
    const goalStep = (await stepsOf(db(), lateRun.id)).find((s) => s.nodeId === "g")!;
    expect(goalStep).toMatchObject({
      outcome: "no",
      facts: { timed_out: true, missing: ["profile"] },
    });
  });

  it("draws A/B variants within 2% of the split over 10,000 draws", () => {
    const node = n("ab", "ab_test", {
      variants: [
        { code: "A", name: "A", percent: 30 },
        { code: "B", name: "B", percent: 70 },
      ],
    }) as NodeOf<"ab_test">;
    let a = 0;
    for (let i = 0; i < 10_000; i++) if (drawVariant(node) === "A") a++;
    expect(Math.abs(a / 10_000 - 0.3)).toBeLessThan(0.02);
  });

  it("keeps a user's A/B variant on re-entry", async () => {
    const { scenarioId } = await enabledScenario(db(), {
      nodes: [
        on("custom.t_ab"),
        n("ab", "ab_test", {
          variants: [
            { code: "A", name: "A", percent: 50 },
            { code: "B", name: "B", percent: 50 },
          ],
        }),
        email("a", "a_mail"),
        email("b", "b_mail"),
      ],
      edges: [
        e("e1", "t", "out", "ab"),
        e("e2", "ab", "variant:A", "a"),
        e("e3", "ab", "variant:B", "b"),
      ],
    });
    const users = await Promise.all([1, 2, 3, 4, 5, 6].map(() => customer(db())));
    for (const round of [1, 2, 3]) {
      for (const user of users) await fire(db(), "custom.t_ab", user.id, { round });
      await settle();
    }
    for (const user of users) {
      const sent = await templatesSent(user.id);
      expect(sent).toHaveLength(3);
      expect(new Set(sent).size).toBe(1);
    }
    expect((await runsOf(db(), scenarioId)).every((r) => r.status === "completed")).toBe(true);
  });

  it("runs parallel branches from one port", async () => {
    const { scenarioId } = await enabledScenario(db(), {
      nodes: [on("custom.t_par"), email("pa", "a_mail"), wait("pw", 60), email("pb", "b_mail")],
      edges: [e("e1", "t", "out", "pa"), e("e2", "t", "out", "pw"), e("e3", "pw", "out", "pb")],
    });
    const user = await customer(db());
    await fire(db(), "custom.t_par", user.id);
    await settle();
    expect(await templatesSent(user.id)).toEqual(["a_mail"]);
    // The first branch's last visit does not end the run: the other branch is still waiting.
    expect((await runsOf(db(), scenarioId))[0]!.status).toBe("waiting");
    await inngest.advance(60 * MINUTE_MS);
    expect(await templatesSent(user.id)).toEqual(["a_mail", "b_mail"]);
    const [run] = await runsOf(db(), scenarioId);
    expect(run!.status).toBe("completed");
    expect((await stepsOf(db(), run!.id)).map((s) => s.stepKey).sort()).toEqual([
      "0.0/pa/1",
      "0.1/pb/1",
      "0.1/pw/1",
      "0/t/1",
    ]);
  });

  it("stops users inside a disabled scenario at their next node, and lets no one new in", async () => {
    const { scenarioId } = await enabledScenario(db(), {
      nodes: [on("custom.t_disable"), wait("w", 1440), email("mail", "hello")],
      edges: [e("e1", "t", "out", "w"), e("e2", "w", "out", "mail")],
    });
    const user = await customer(db());
    await fire(db(), "custom.t_disable", user.id);
    await settle();
    await setStatus(db(), scenarioId, "disabled");
    await fire(db(), "custom.t_disable", user.id);
    await inngest.advance(DAY_MS);
    expect(await templatesSent(user.id)).toEqual([]);
    const runs = await runsOf(db(), scenarioId);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: "cancelled", statusReason: "scenario_disabled" });
    expect(await pathOf(db(), runs[0]!.id)).toEqual(["t:out", "w:out", "mail:cancelled"]);
  });

  it("finishes runs on the version they entered with when a new version is published", async () => {
    const graph = (template: string) => ({
      nodes: [on("custom.t_version"), wait("w", 1440), email("mail", template)],
      edges: [e("e1", "t", "out", "w"), e("e2", "w", "out", "mail")],
    });
    const { scenarioId, versionId: v1 } = await enabledScenario(db(), graph("v1_mail"));
    const before = await customer(db());
    await fire(db(), "custom.t_version", before.id);
    await settle();
    const v2 = await publishVersion(db(), scenarioId, graph("v2_mail"));
    const after = await customer(db());
    await fire(db(), "custom.t_version", after.id);
    await settle();
    await inngest.advance(DAY_MS);
    expect(await templatesSent(before.id)).toEqual(["v1_mail"]);
    expect(await templatesSent(after.id)).toEqual(["v2_mail"]);
    const runs = await runsOf(db(), scenarioId);
    expect(runs.map((r) => [r.userId, r.versionId])).toEqual([
      [before.id, v1],
      [after.id, v2],
    ]);
  });

  it("applies each re-entry rule", async () => {
    const graph = {
      nodes: [on("custom.t_reentry"), email("mail", "hello")],
      edges: [e("e1", "t", "out", "mail")],
    };
    const once = await enabledScenario(db(), graph, { reentry: "once" });
    const always = await enabledScenario(db(), graph, { reentry: "always" });
    const weekly = await enabledScenario(db(), graph, { reentry: "once_per_days", reentryDays: 7 });
    const user = await customer(db());
    for (const day of [0, 1, 8]) {
      if (day > 0) await inngest.advance(day === 1 ? DAY_MS : 7 * DAY_MS);
      await fire(db(), "custom.t_reentry", user.id, { day });
      await settle();
    }
    expect(await runsOf(db(), once.scenarioId)).toHaveLength(1);
    expect(await runsOf(db(), always.scenarioId)).toHaveLength(3);
    expect((await runsOf(db(), weekly.scenarioId)).map((r) => r.triggerPayload.day)).toEqual([
      0, 8,
    ]);
  });

  it("enters once for a replayed event, and walks a run once when its start is sent again", async () => {
    const { scenarioId } = await enabledScenario(db(), {
      nodes: [on("custom.t_replay"), email("mail", "hello")],
      edges: [e("e1", "t", "out", "mail")],
    });
    const user = await customer(db());
    const eventId = (await fire(db(), "custom.t_replay", user.id))!;
    await settle();
    const replayed = {
      id: eventId,
      name: "custom.t_replay",
      userId: user.id,
      payload: { user_id: user.id },
    };
    const again = await createRunsForEvents(db(), [replayed]);
    const runs = await runsOf(db(), scenarioId);
    expect(runs).toHaveLength(1);
    expect(again).toEqual([runs[0]!.id]);
    // Past Inngest's 24-hour de-duplication, a start sent again under another event id reaches a second executor run.
    await inngest.advance(2 * DAY_MS);
    const { inngest: client } = await import("@/inngest/client");
    await client.send({
      id: `again-${runs[0]!.id}`,
      name: SCENARIO_RUN_EVENT,
      data: { run_id: runs[0]!.id },
    });
    await inngest.executor.drain();
    expect(await templatesSent(user.id)).toEqual(["hello"]);
    expect(
      await claimScenarioRun(db(), { runId: runs[0]!.id, executorRunId: "someone-else" }),
    ).toBeNull();
  });

  it("visits the trigger in the claim step; a run claimed before that walks its trigger as a step of its own", async () => {
    const graph = {
      nodes: [on("custom.t_entry"), email("mail", "hello")],
      edges: [e("e1", "t", "out", "mail")],
    };
    const { scenarioId, versionId } = await enabledScenario(db(), graph);
    const walkRecordingSteps = async (withEntryVisits: boolean) => {
      const user = await customer(db());
      const runId = await createScenarioRun(db(), {
        scenarioId,
        versionId,
        userId: user.id,
        reentry: "always",
        reentryDays: null,
        triggerKey: `test:${user.id}`,
        triggerEvent: "custom.t_entry",
        triggerPayload: {},
        entryNodeIds: ["t"],
      });
      const claimed = (await claimScenarioRun(db(), {
        runId: runId!,
        executorRunId: `x-${runId}`,
      }))!;
      const run = withEntryVisits
        ? { ...claimed, entryVisits: await visitEntryNodes(db(), claimed, graph) }
        : claimed;
      const stepIds: string[] = [];
      await walkScenarioRun(
        db(),
        {
          run: (id, fn) => (stepIds.push(id), fn()),
          sleepUntil: async () => null,
          waitForEvent: async () => null,
        },
        run,
        graph,
      );
      return { stepIds, path: await pathOf(db(), runId!), sent: await templatesSent(user.id) };
    };
    expect(await walkRecordingSteps(true)).toEqual({
      stepIds: ["0/mail/1"],
      path: ["t:out", "mail:out"],
      sent: ["hello"],
    });
    expect(await walkRecordingSteps(false)).toEqual({
      stepIds: ["0/t/1", "0/mail/1"],
      path: ["t:out", "mail:out"],
      sent: ["hello"],
    });
  });

  it("marks a run failed when its run function fails for good (the function's onFailure handler)", async () => {
    // A version whose graph no longer parses: every attempt of the run function throws before its first node.
    const broken = {
      nodes: [{ id: "t", type: "event", config: { event: "custom.t_broken" } }],
      edges: [],
    } as never;
    const { scenarioId } = await enabledScenario(db(), broken);
    const user = await customer(db());
    await fire(db(), "custom.t_broken", user.id);
    for (let i = 0; i < 6; i++) await inngest.advance(MINUTE_MS);
    const [run] = await runsOf(db(), scenarioId);
    expect(run).toMatchObject({ status: "failed", userId: user.id });
    expect(run!.statusReason).toMatch(/^run function failed/);
  });

  it("does not send an email twice when the answer of its step is lost and the step runs again", async () => {
    const { scenarioId } = await enabledScenario(db(), {
      nodes: [on("custom.t_crash"), email("crash_mail", "hello")],
      edges: [e("e1", "t", "out", "crash_mail")],
    });
    const user = await customer(db());
    loseAnswerOnce.add("crash_mail/1");
    await fire(db(), "custom.t_crash", user.id);
    await settle();
    await inngest.advance(MINUTE_MS); // the executor's retry of the lost call
    expect(loseAnswerOnce.size).toBe(0); // the answer really was lost once
    expect(await emailsTo(db(), user.id)).toHaveLength(1);
    expect((await runsOf(db(), scenarioId))[0]!.status).toBe("completed");
  });
});
