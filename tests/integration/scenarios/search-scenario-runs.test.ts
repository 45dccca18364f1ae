import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { scenarioRuns, scenarioRunSteps, type ScenarioRunStatus } from "@/lib/db/schema";
import { searchScenarioRuns } from "@/lib/scenarios/runs/search-scenario-runs";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";
import { e, email, enabledScenario, on, publishVersion, wait } from "./scenario-kit";

/** A scenario's runs list: newest first, each run's current node, every filter, and paging with the total. */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
let scenarioId = 0;
let otherScenarioId = 0;
let v1 = 0;
let v2 = 0;
const runs = {
  annCompleted: 0,
  bobWaiting: 0,
  cecRunning: 0,
  annFailed: 0,
  bobNoVisits: 0,
};
const userIds: Record<string, number> = {};

const graph = {
  nodes: [on("user.created"), wait("w", 60), email("m", "welcome")],
  edges: [e("e1", "t", "out", "w"), e("e2", "w", "out", "m")],
};
const base = new Date("2026-03-01T10:00:00Z");
const minutes = (n: number) => new Date(base.getTime() + n * 60_000);

interface Visit {
  node: string;
  type: string;
  entered: number;
  finished: number | null;
}

async function recordRun(
  database: Db,
  run: {
    scenarioId: number;
    versionId: number;
    userId: number;
    status: ScenarioRunStatus;
    created: number;
    visits: Visit[];
  },
): Promise<number> {
  const finished = ["completed", "failed", "cancelled"].includes(run.status);
  const [row] = await database
    .insert(scenarioRuns)
    .values({
      scenarioId: run.scenarioId,
      versionId: run.versionId,
      userId: run.userId,
      triggerKey: `event:${Math.random()}`,
      triggerEvent: "user.created",
      entryNodeIds: ["t"],
      status: run.status,
      statusReason: run.status === "failed" ? "webhook answered 500" : null,
      createdAt: minutes(run.created),
      updatedAt: minutes(run.created + 1),
      finishedAt: finished ? minutes(run.created + 2) : null,
    })
    .returning({ id: scenarioRuns.id });
  if (run.visits.length > 0)
    await database.insert(scenarioRunSteps).values(
      run.visits.map((visit) => ({
        runId: row!.id,
        scenarioId: run.scenarioId,
        versionId: run.versionId,
        nodeId: visit.node,
        nodeType: visit.type,
        stepKey: `main/${visit.node}/1`,
        visit: 1,
        enteredAt: minutes(visit.entered),
        finishedAt: visit.finished === null ? null : minutes(visit.finished),
        outcome: visit.finished === null ? null : "out",
      })),
    );
  return row!.id;
}

beforeAll(async () => {
  database = await openTestDatabase();
  for (const name of ["ann", "bob", "cecilia"])
    userIds[name] = (await createUser(db(), { email: `${name}@runs-list.example` })).id;
  ({ scenarioId, versionId: v1 } = await enabledScenario(db(), graph));
  v2 = await publishVersion(db(), scenarioId, graph);
  otherScenarioId = (await enabledScenario(db(), graph)).scenarioId;
  const t = (entered: number): Visit => ({ node: "t", type: "event", entered, finished: entered });
  // Oldest first; `created` orders them.
  runs.annCompleted = await recordRun(db(), {
    scenarioId,
    versionId: v1,
    userId: userIds.ann!,
    status: "completed",
    created: 0,
    visits: [
      t(0),
      { node: "w", type: "wait", entered: 0, finished: 60 },
      { node: "m", type: "email", entered: 60, finished: 60 },
    ],
  });
  runs.bobWaiting = await recordRun(db(), {
    scenarioId,
    versionId: v1,
    userId: userIds.bob!,
    status: "waiting",
    created: 10,
    visits: [t(10), { node: "w", type: "wait", entered: 10, finished: null }],
  });
  // Running between two nodes: no visit in progress, so it is at the one it visited last.
  runs.cecRunning = await recordRun(db(), {
    scenarioId,
    versionId: v2,
    userId: userIds.cecilia!,
    status: "running",
    created: 20,
    visits: [t(20)],
  });
  // Failed while in the wait: a finished run is at the node it visited last, even one left unfinished.
  runs.annFailed = await recordRun(db(), {
    scenarioId,
    versionId: v2,
    userId: userIds.ann!,
    status: "failed",
    created: 30,
    visits: [t(30), { node: "w", type: "wait", entered: 31, finished: null }],
  });
  runs.bobNoVisits = await recordRun(db(), {
    scenarioId,
    versionId: v2,
    userId: userIds.bob!,
    status: "running",
    created: 40,
    visits: [],
  });
  await recordRun(db(), {
    scenarioId: otherScenarioId,
    versionId: v1,
    userId: userIds.ann!,
    status: "waiting",
    created: 50,
    visits: [t(50), { node: "w", type: "wait", entered: 50, finished: null }],
  });
});
afterAll(() => database.close());

const search = (filters: Partial<Parameters<typeof searchScenarioRuns>[1]> = {}) =>
  searchScenarioRuns(db(), { scenarioId, limit: 50, offset: 0, ...filters });
const ids = (result: Awaited<ReturnType<typeof search>>) => result.rows.map((row) => row.id);

describe("searchScenarioRuns", () => {
  it("lists only this scenario's runs, newest first, with user, version and status", async () => {
    const result = await search();
    expect(result.total).toBe(5);
    expect(ids(result)).toEqual([
      runs.bobNoVisits,
      runs.annFailed,
      runs.cecRunning,
      runs.bobWaiting,
      runs.annCompleted,
    ]);
    expect(result.rows.find((row) => row.id === runs.annFailed)).toMatchObject({
      userId: userIds.ann,
      userEmail: "ann@runs-list.example",
      versionNumber: 2,
      status: "failed",
      statusReason: "webhook answered 500",
      createdAt: minutes(30),
      updatedAt: minutes(31),
      finishedAt: minutes(32),
    });
  });

  it("gives each run the node it is at, titled from its version's graph", async () => {
    const byId = new Map((await search()).rows.map((row) => [row.id, row.currentNode]));
    expect(byId.get(runs.bobWaiting)).toEqual({
      id: "w",
      type: "wait",
      title: "Wait 1 hour",
      enteredAt: minutes(10),
      finishedAt: null,
    });
    expect(byId.get(runs.annCompleted)).toMatchObject({ id: "m", title: "Email: welcome" });
    expect(byId.get(runs.cecRunning)).toMatchObject({ id: "t", finishedAt: minutes(20) });
    expect(byId.get(runs.annFailed)).toMatchObject({ id: "w", enteredAt: minutes(31) });
    expect(byId.get(runs.bobNoVisits)).toBeNull();
  });

  it("filters by status, version, user email (part, any case) and current node", async () => {
    expect(ids(await search({ status: "waiting" }))).toEqual([runs.bobWaiting]);
    expect(ids(await search({ status: "running" }))).toEqual([runs.bobNoVisits, runs.cecRunning]);
    expect(ids(await search({ versionNumber: 1 }))).toEqual([runs.bobWaiting, runs.annCompleted]);
    expect((await search({ versionNumber: 3 })).total).toBe(0);
    expect(ids(await search({ email: "ANN@" }))).toEqual([runs.annFailed, runs.annCompleted]);
    expect((await search({ email: "%" })).total).toBe(0);
    expect(ids(await search({ userId: userIds.bob }))).toEqual([runs.bobNoVisits, runs.bobWaiting]);
    expect(ids(await search({ nodeId: "w" }))).toEqual([runs.annFailed, runs.bobWaiting]);
    expect(ids(await search({ nodeId: "t" }))).toEqual([runs.cecRunning]);
    expect(ids(await search({ nodeId: "nowhere" }))).toEqual([]);
    const combined = await search({ nodeId: "w", status: "waiting", email: "bob" });
    expect({ ids: ids(combined), total: combined.total }).toEqual({
      ids: [runs.bobWaiting],
      total: 1,
    });
  });

  it("pages with limit and offset, the total counting every match", async () => {
    const first = await search({ limit: 2, offset: 0 });
    const second = await search({ limit: 2, offset: 2 });
    const last = await search({ limit: 2, offset: 4 });
    expect([first.total, second.total, last.total]).toEqual([5, 5, 5]);
    expect([...ids(first), ...ids(second), ...ids(last)]).toEqual(ids(await search()));
    const filtered = await search({ nodeId: "w", limit: 1, offset: 1 });
    expect({ ids: ids(filtered), total: filtered.total }).toEqual({
      ids: [runs.bobWaiting],
      total: 2,
    });
    expect(await search({ offset: 10 })).toEqual({ rows: [], total: 5 });
  });
});
