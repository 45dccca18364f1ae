import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as runsRoute } from "@/app/api/v1/scenarios/[id]/runs/route";
import { scenarioRunListSchema } from "@/lib/api/operations/scenario-insight";
import { scenarioRuns, scenarioRunSteps } from "@/lib/db/schema";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";
import {
  recordFinishedRun,
  scenarioApiClient,
  withParams,
} from "../scenarios/scenario-api-fixtures";
import { createTokens, itRefusesBadRequests, type Tokens } from "./api-test-kit";

/** GET /api/v1/scenarios/{id}/runs: filters, paging, the current node, and refusals that are never a 500. */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let tokens: Tokens;
let target = { id: 0, versionId: 0 };
let finishedRunId = 0;
let waitingRunId = 0;
const db = () => database.db;
const { send, publishedScenario } = scenarioApiClient(() => tokens.api);
const list = (query: Record<string, string> = {}, id: number = target.id) =>
  send(runsRoute, { id }, "GET", undefined, query);

beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(database.db, "scenarios");
  const finisher = await createUser(db(), { email: "finisher@runs-api.example" });
  const waiter = await createUser(db(), { email: "waiter@runs-api.example" });
  target = await publishedScenario("Listed");
  finishedRunId = (
    await recordFinishedRun(db(), {
      scenarioId: target.id,
      versionId: target.versionId,
      userId: finisher.id,
    })
  ).id;
  const [waiting] = await db()
    .insert(scenarioRuns)
    .values({
      scenarioId: target.id,
      versionId: target.versionId,
      userId: waiter.id,
      triggerKey: "event:waiting",
      triggerEvent: "user.created",
      entryNodeIds: ["t"],
      status: "waiting",
    })
    .returning();
  waitingRunId = waiting!.id;
  await db().insert(scenarioRunSteps).values({
    runId: waitingRunId,
    scenarioId: target.id,
    versionId: target.versionId,
    nodeId: "w",
    nodeType: "wait",
    stepKey: "main/w/1",
    visit: 1,
    enteredAt: waiting!.createdAt,
  });
});
afterAll(() => database.close());

describe("GET /api/v1/scenarios/:id/runs", () => {
  it("lists runs newest first with the node each is at, as the OpenAPI schema says", async () => {
    const result = await list();
    expect(result.status).toBe(200);
    expect(scenarioRunListSchema.parse(result.json)).toEqual(result.json);
    expect(result.json.total).toBe(2);
    expect(result.json.runs.map((run: { id: number }) => run.id)).toEqual([
      waitingRunId,
      finishedRunId,
    ]);
    expect(result.json.runs[0]).toMatchObject({
      status: "waiting",
      user_email: "waiter@runs-api.example",
      version_number: 1,
      finished_at: null,
      current_node: { id: "w", type: "wait", title: "Wait 1 hour", finished_at: null },
    });
    expect(result.json.runs[1].current_node).toMatchObject({ id: "w", type: "wait" });
    expect(result.json.runs[1].current_node.finished_at).not.toBeNull();
  });

  it("filters by status, version, email and current node, and pages", async () => {
    const idsOf = async (query: Record<string, string>) => {
      const result = await list(query);
      expect(result.status).toBe(200);
      return {
        ids: result.json.runs.map((run: { id: number }) => run.id),
        total: result.json.total,
      };
    };
    expect(await idsOf({ status: "completed" })).toEqual({ ids: [finishedRunId], total: 1 });
    expect(await idsOf({ email: "WAITER" })).toEqual({ ids: [waitingRunId], total: 1 });
    expect(await idsOf({ version: "1", node_id: "w" })).toEqual({
      ids: [waitingRunId, finishedRunId],
      total: 2,
    });
    expect(await idsOf({ version: "2" })).toEqual({ ids: [], total: 0 });
    expect(await idsOf({ node_id: "t" })).toEqual({ ids: [], total: 0 });
    expect(await idsOf({ limit: "1", offset: "1" })).toEqual({ ids: [finishedRunId], total: 2 });
  });

  it("answers 400 validation_error for a bad filter or page, never a 500", async () => {
    for (const query of [
      { status: "paused" },
      { status: "" },
      { version: "0" },
      { version: "2147483648" },
      { version: "latest" },
      { node_id: "no spaces" },
      { node_id: "n".repeat(65) },
      { email: "" },
      { email: "a".repeat(201) },
      { limit: "0" },
      { limit: "201" },
      { offset: "-1" },
      { email: "a\u0000b" },
      { unknown: "1" },
    ] as Record<string, string>[]) {
      const result = await list(query);
      expect({ query, status: result.status, error: result.json.error }).toEqual({
        query,
        status: 400,
        error: "validation_error",
      });
    }
  });

  it("answers 404 scenario_not_found for an unknown or malformed scenario id", async () => {
    for (const id of [999_999, "abc", "0"]) {
      const result = await send(runsRoute, { id }, "GET");
      expect(result).toMatchObject({ status: 404, json: { error: "scenario_not_found" } });
    }
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: withParams(runsRoute, () => ({ id: target.id })),
    method: "GET",
    path: "/scenarios/1/runs",
    auth: "api",
  });
});
