import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as runRoute } from "@/app/api/v1/scenarios/[id]/runs/[runId]/route";
import { GET as runsRoute } from "@/app/api/v1/scenarios/[id]/runs/route";
import {
  scenarioRunListSchema,
  scenarioRunPathSchema,
  scenarioStatsResponseSchema,
  simulationResponseSchema,
} from "@/lib/api/operations/scenario-insight";
import { POST as simulateRoute } from "@/app/api/v1/scenarios/[id]/simulate/route";
import { GET as statsRoute } from "@/app/api/v1/scenarios/[id]/stats/route";
import { POST as testEventRoute } from "@/app/api/v1/scenarios/test-event/route";
import { events } from "@/lib/db/schema";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";
import {
  recordFinishedRun,
  type RouteHandler,
  scenarioApiClient,
  withParams,
} from "../scenarios/scenario-api-fixtures";
import {
  call,
  createTokens,
  type Handler,
  itRefusesBadRequests,
  type Tokens,
} from "./api-test-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let tokens: Tokens;
let customerId: number;
let target = { id: 0, versionId: 0 };
let runId = 0;
const db = () => database.db;
const { send, publishedScenario } = scenarioApiClient(() => tokens.api);

beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(database.db, "scenarios");
  customerId = (await createUser(database.db, { email: "insight-customer@example.com" })).id;
  target = await publishedScenario("Observed");
  runId = (
    await recordFinishedRun(database.db, {
      scenarioId: target.id,
      versionId: target.versionId,
      userId: customerId,
    })
  ).id;
});
afterAll(() => database.close());

const at = (handler: RouteHandler, params: Record<string, string | number> = {}): Handler =>
  withParams(handler, () => ({ id: target.id, ...params }));
const guard = (handler: Handler, method: string, body?: () => unknown) =>
  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler,
    method,
    path: "/scenarios/1/x",
    auth: "api",
    validBody: body,
  });
const notFound = { status: 404, json: { error: "scenario_not_found" } };

describe("GET /api/v1/scenarios/:id/stats", () => {
  it("counts visits per node and outcome, overall and per version", async () => {
    for (const query of [{}, { version: "1" }] as Record<string, string>[]) {
      const result = await send(statsRoute, { id: target.id }, "GET", undefined, query);
      expect(result.status).toBe(200);
      expect(scenarioStatsResponseSchema.parse(result.json)).toEqual(result.json);
      expect(result.json.stats.nodes.w).toEqual({ last_24h: { out: 1 }, last_30d: { out: 1 } });
      expect(result.json.stats.edges.e1).toEqual({ last_24h: 1, last_30d: 1 });
    }
  });

  it("answers 404 for unknown scenarios and versions, 400 for a bad query", async () => {
    expect(await send(statsRoute, { id: 999_999 }, "GET")).toMatchObject(notFound);
    expect(
      await send(statsRoute, { id: target.id }, "GET", undefined, { version: "7" }),
    ).toMatchObject({ status: 404, json: { error: "scenario_version_not_found" } });
    expect(
      await send(statsRoute, { id: target.id }, "GET", undefined, { version: "latest" }),
    ).toMatchObject({ status: 400, json: { error: "validation_error" } });
  });

  guard(at(statsRoute), "GET");
});

describe("GET /api/v1/scenarios/:id/runs[/:runId]", () => {
  it("lists runs, filtered by user, and shows a run's path", async () => {
    const listed = await send(runsRoute, { id: target.id }, "GET", undefined, {
      user_id: String(customerId),
    });
    expect(listed.status).toBe(200);
    expect(scenarioRunListSchema.parse(listed.json)).toEqual(listed.json);
    expect(listed.json).toMatchObject({
      total: 1,
      runs: [
        {
          id: runId,
          user_email: "insight-customer@example.com",
          version_number: 1,
          status: "completed",
        },
      ],
    });
    const other = await send(runsRoute, { id: target.id }, "GET", undefined, {
      user_id: String(tokens.userId),
    });
    expect(other.json).toMatchObject({ total: 0, runs: [] });
    const path = await send(runRoute, { id: target.id, runId }, "GET");
    expect(path.status).toBe(200);
    expect(scenarioRunPathSchema.parse(path.json)).toEqual(path.json);
    expect(
      path.json.steps.map((s: { node_id: string; outcome: string }) => [s.node_id, s.outcome]),
    ).toEqual([
      ["t", "out"],
      ["w", "out"],
    ]);
    expect(path.json.steps[1].facts).toEqual({ minutes: 60 });
  });

  it("answers 404 for unknown scenarios and runs, and for a run of another scenario", async () => {
    expect(await send(runsRoute, { id: 999_999 }, "GET")).toMatchObject(notFound);
    expect(
      await send(runsRoute, { id: target.id }, "GET", undefined, { user_id: "me" }),
    ).toMatchObject({ status: 400, json: { error: "validation_error" } });
    const other = await publishedScenario("Elsewhere");
    for (const [id, run] of [
      [target.id, 999_999],
      [other.id, runId],
      [target.id, "x"],
    ] as const) {
      expect(await send(runRoute, { id, runId: run }, "GET")).toMatchObject({
        status: 404,
        json: { error: "scenario_run_not_found" },
      });
    }
  });

  guard(at(runsRoute), "GET");
  guard(at(runRoute, { runId: 1 }), "GET");
});

describe("POST /api/v1/scenarios/:id/simulate", () => {
  it("predicts the path with facts, without recording anything", async () => {
    const result = await send(simulateRoute, { id: target.id }, "POST", {
      user_id: customerId,
      version: "current",
    });
    expect(result.status).toBe(200);
    expect(simulationResponseSchema.parse(result.json)).toEqual(result.json);
    expect(result.json.simulation.version_number).toBe(1);
    expect(result.json.simulation.steps.map((s: { node_id: string }) => s.node_id)).toEqual([
      "t",
      "w",
    ]);
    const runs = await send(runsRoute, { id: target.id }, "GET");
    expect(runs.json.total).toBe(1);
  });

  it("refuses an unknown user (400), scenario (404) and a bad version (400)", async () => {
    expect(
      await send(simulateRoute, { id: target.id }, "POST", { user_id: 999_999 }),
    ).toMatchObject({ status: 400, json: { error: "user_not_found" } });
    expect(
      await send(simulateRoute, { id: 999_999 }, "POST", { user_id: customerId }),
    ).toMatchObject(notFound);
    expect(
      await send(simulateRoute, { id: target.id }, "POST", {
        user_id: customerId,
        version: "latest",
      }),
    ).toMatchObject({ status: 400, json: { error: "validation_error" } });
  });

  guard(at(simulateRoute), "POST", () => ({ user_id: customerId }));
});

describe("POST /api/v1/scenarios/test-event", () => {
  const fire = (body: unknown) =>
    call(testEventRoute, "POST", "/scenarios/test-event", { token: tokens.api, body });

  it("records scenario.test for the user (202)", async () => {
    const result = await fire({ user_id: customerId, payload: { source: "api-test" } });
    expect(result.status).toBe(202);
    const [event] = await db().select().from(events).where(eq(events.id, result.json.event_id));
    expect(event).toMatchObject({
      name: "scenario.test",
      userId: customerId,
      payload: { source: "api-test" },
    });
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: testEventRoute,
    method: "POST",
    path: "/scenarios/test-event",
    auth: "api",
    validBody: () => ({ user_id: customerId }),
    invalidBodies: [
      { name: "an unknown user", body: () => ({ user_id: 999_999 }), error: "user_not_found" },
      {
        name: "a payload that is not an object",
        body: () => ({ user_id: customerId, payload: [1] }),
        error: "validation_error",
      },
    ],
  });
});
