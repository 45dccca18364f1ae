import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  findUserRunsAction,
  loadRunPathAction,
  sendInspectorTestEventAction,
  simulatePathAction,
} from "@/lib/actions/scenarios/inspector";
import { scenarioRuns, scenarioRunSteps } from "@/lib/db/schema";
import type { ScenarioGraph } from "@/lib/scenarios/graph";
import { openTestDatabase } from "../../support/test-database";
import { customer, e, email, enabledScenario, n, on, wait } from "./scenario-kit";

// The session is not under test here (tests/integration/auth/roles.test.ts is): every call is an admin's.
vi.mock("@/lib/auth/session", () => ({
  requireStaff: async () => ({ id: 1, role: "admin", email: "admin@example.test" }),
  requireUser: async () => ({ id: 1, role: "admin", email: "admin@example.test" }),
}));
// Outside a request: no headers to read, no cache to revalidate.
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const graph: ScenarioGraph = {
  nodes: [
    on("scenario.test"),
    n("c", "condition", {
      criteria: [{ kind: "payment", key: "amount", operator: "lt", value: 1000 }],
    }),
    email("m", "thanks"),
    wait("w", 4320),
  ],
  edges: [e("e1", "t", "out", "c"), e("e2", "c", "yes", "m"), e("e3", "c", "no", "w")],
};

function form(values: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, String(value));
  return data;
}

/** A run as the engine records it: entered on the trigger, said no at the condition, waiting now. */
async function recordedRun(scenarioId: number, versionId: number, userId: number): Promise<number> {
  const [run] = await db()
    .insert(scenarioRuns)
    .values({
      scenarioId,
      versionId,
      userId,
      triggerKey: `event:${userId}`,
      triggerEvent: "scenario.test",
      entryNodeIds: ["t"],
      status: "waiting",
    })
    .returning();
  const decided = {
    kind: "payment",
    key: "amount",
    operator: "lt",
    expected: 1000,
    actual: 1499,
    holds: false,
  };
  const base = { runId: run!.id, scenarioId, versionId };
  await db()
    .insert(scenarioRunSteps)
    .values([
      {
        ...base,
        nodeId: "t",
        nodeType: "event",
        stepKey: "0/t/1",
        visit: 1,
        enteredAt: new Date("2026-03-01T10:00:00Z"),
        outcome: "out",
        facts: { event: "scenario.test" },
      },
      {
        ...base,
        nodeId: "c",
        nodeType: "condition",
        stepKey: "0/c/1",
        visit: 1,
        viaEdgeId: "e1",
        enteredAt: new Date("2026-03-01T10:00:01Z"),
        outcome: "no",
        facts: { criteria: [decided], decidedBy: decided },
      },
      {
        ...base,
        nodeId: "w",
        nodeType: "wait",
        stepKey: "0/w/1",
        visit: 1,
        viaEdgeId: "e3",
        enteredAt: new Date("2026-03-01T10:00:02Z"),
      },
    ]);
  return run!.id;
}

describe("run inspector actions", () => {
  it("list a user's runs of the scenario, show one run's decisions on its version, and refuse another scenario's run", async () => {
    const { scenarioId, versionId } = await enabledScenario(db(), graph);
    const other = await enabledScenario(db(), graph);
    const user = await customer(db());
    const runId = await recordedRun(scenarioId, versionId, user.id);

    const runs = await findUserRunsAction(
      null,
      form({ id: scenarioId, email: user.email.toUpperCase() }),
    );
    expect(runs).toMatchObject({
      ok: true,
      data: {
        email: user.email,
        total: 1,
        runs: [{ id: runId, status: "waiting", versionNumber: 1, triggerEvent: "scenario.test" }],
      },
    });
    expect(runs?.ok && typeof runs.data?.runs[0]?.startedAt).toBe("string");
    expect(
      await findUserRunsAction(null, form({ id: other.scenarioId, email: user.email })),
    ).toMatchObject({ ok: true, data: { runs: [], total: 0 } });

    const path = await loadRunPathAction(null, form({ id: scenarioId, runId }));
    if (!path?.ok || !path.data) throw new Error(`no path: ${JSON.stringify(path)}`);
    expect(path.data.steps.map((s) => s.line)).toEqual([
      "entered on scenario.test",
      "condition: payment amount 14.99 < 10 → no",
      "wait 3 days: waiting",
    ]);
    expect(path.data.flow.edges).toEqual(["e1", "e3"]);
    expect(path.data.versionNumber).toBe(1);
    expect(path.data.graph.nodes.map((node) => node.id)).toEqual(["t", "c", "m", "w"]);

    expect(await loadRunPathAction(null, form({ id: other.scenarioId, runId }))).toMatchObject({
      ok: false,
      error: "scenario_run_not_found",
    });
  });

  it("say which user is unknown", async () => {
    const { scenarioId } = await enabledScenario(db(), graph);
    expect(
      await findUserRunsAction(null, form({ id: scenarioId, email: "nobody@example.com" })),
    ).toEqual({
      ok: false,
      error: "user_not_found",
      message: "No user with email nobody@example.com.",
    });
  });

  it("simulate the path with the graph it walked, and send a test event that says whether this scenario starts on it", async () => {
    const { scenarioId } = await enabledScenario(db(), graph);
    const elsewhere = await enabledScenario(db(), { nodes: [on("custom.other")], edges: [] });
    const user = await customer(db());

    const simulation = await simulatePathAction(
      null,
      form({ id: scenarioId, email: user.email, version: "current" }),
    );
    if (!simulation?.ok || !simulation.data)
      throw new Error(`no simulation: ${JSON.stringify(simulation)}`);
    // No payment in a test event: the amount criterion cannot hold.
    expect(simulation.data.steps.map((s) => s.line)).toEqual([
      "entered on scenario.test",
      "condition: payment amount (none) < 10 → no",
      "wait 3 days → next",
    ]);
    expect(simulation.data.flow.edges).toEqual(["e1", "e3"]);
    expect(simulation.data.versionNumber).toBe(1);

    const sent = await sendInspectorTestEventAction(
      null,
      form({ id: scenarioId, email: user.email }),
    );
    expect(sent).toMatchObject({ ok: true, data: { startsHere: true } });
    const notHere = await sendInspectorTestEventAction(
      null,
      form({ id: elsewhere.scenarioId, email: user.email }),
    );
    expect(notHere).toMatchObject({
      ok: true,
      data: { startsHere: false },
      message: expect.stringContaining("does not start on scenario.test"),
    });
  });
});
