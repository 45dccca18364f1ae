import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  GET as getScenarioRoute,
  PUT as putScenarioRoute,
  DELETE as deleteScenarioRoute,
} from "@/app/api/v1/scenarios/[id]/route";
import { savedScenarioSchema, scenarioListSchema } from "@/lib/api/operations/scenarios";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/scenarios/route";
import { scenarioWithGraphSchema } from "@/lib/scenarios/scenario-json";
import { openTestDatabase } from "../../support/test-database";
import { scenarioApiClient, withParams } from "../scenarios/scenario-api-fixtures";
import { graphWithEmail, validGraph } from "../scenarios/scenario-graphs";
import {
  call,
  createTokens,
  type Handler,
  itRefusesBadRequests,
  type Tokens,
} from "./api-test-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let tokens: Tokens;
/** A scenario the guard tests aim at (any existing one will do: they are refused before it matters). */
let targetId = 0;
const db = () => database.db;

beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(database.db, "scenarios");
  targetId = (await create({ name: "Guard target", graph: validGraph() })).json.scenario.id;
});
afterAll(() => database.close());

const token = () => tokens.api;
const at = (handler: Parameters<typeof withParams>[0]): Handler =>
  withParams(handler, () => ({ id: targetId }));
const on = (id: number | string) => ({ id });

const { create, send, publishedScenario } = scenarioApiClient(token);

describe("POST /api/v1/scenarios", () => {
  it("creates a draft and imports the graph (201)", async () => {
    const result = await create({
      name: "Imported",
      reentry: "once_per_days",
      reentry_days: 7,
      graph: validGraph(),
    });
    expect(result.status).toBe(201);
    expect(scenarioWithGraphSchema.parse(result.json)).toEqual(result.json);
    expect(result.json.scenario).toMatchObject({
      name: "Imported",
      status: "draft",
      reentry: "once_per_days",
      reentry_days: 7,
      current_version: null,
    });
    expect(result.json.graph).toEqual(validGraph());
  });

  it("round-trips export → import: the new scenario's graph equals the exported one", async () => {
    const source = await create({ name: "Source", graph: graphWithEmail("anything") });
    const exported = await send(getScenarioRoute, on(source.json.scenario.id), "GET");
    const imported = await create({ name: "Imported copy", graph: exported.json.graph });
    const reread = await send(getScenarioRoute, on(imported.json.scenario.id), "GET");
    expect(reread.json.graph).toEqual(exported.json.graph);
    expect(reread.json.graph).toEqual(graphWithEmail("anything"));
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: createRoute,
    method: "POST",
    path: "/scenarios",
    auth: "api",
    validBody: () => ({ name: "Valid" }),
    invalidBodies: [
      { name: "an empty name", body: () => ({ name: " " }), error: "validation_error" },
      {
        name: "once_per_days without days",
        body: () => ({ name: "x", reentry: "once_per_days" }),
        error: "validation_error",
      },
      {
        name: "a graph with an unknown node type",
        body: () => ({ name: "x", graph: { nodes: [{ id: "a", type: "teleport" }], edges: [] } }),
        error: "scenario_graph_invalid",
      },
    ],
  });
});

describe("GET /api/v1/scenarios", () => {
  it("lists, searches and filters deleted ones", async () => {
    const { id } = await publishedScenario("Findable walrus");
    const listed = await call(listRoute, "GET", "/scenarios", {
      token: token(),
      query: { search: "walrus" },
    });
    expect(listed.status).toBe(200);
    expect(scenarioListSchema.parse(listed.json)).toEqual(listed.json);
    expect(listed.json).toMatchObject({
      total: 1,
      scenarios: [{ id, current_version: 1, entries_24h: 0, entries_30d: 0 }],
    });
    await send(deleteScenarioRoute, on(id), "DELETE");
    expect(
      (await call(listRoute, "GET", "/scenarios", { token: token(), query: { search: "walrus" } }))
        .json.total,
    ).toBe(0);
    const deleted = await call(listRoute, "GET", "/scenarios", {
      token: token(),
      query: { search: "walrus", deleted: "true" },
    });
    expect(deleted.json.scenarios.map((s: { id: number }) => s.id)).toEqual([id]);
  });

  it("refuses a bad query (400)", async () => {
    const result = await call(listRoute, "GET", "/scenarios", {
      token: token(),
      query: { limit: "0" },
    });
    expect(result).toMatchObject({ status: 400, json: { error: "validation_error" } });
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: listRoute,
    method: "GET",
    path: "/scenarios",
    auth: "api",
  });
});

describe("GET/PUT/DELETE /api/v1/scenarios/:id", () => {
  it("returns the scenario and its draft graph; 404 for unknown or malformed ids", async () => {
    const result = await send(getScenarioRoute, on(targetId), "GET");
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({
      scenario: { id: targetId, name: "Guard target" },
      graph: validGraph(),
    });
    for (const id of [999_999, "abc"]) {
      expect(await send(getScenarioRoute, on(id), "GET")).toMatchObject({
        status: 404,
        json: { error: "scenario_not_found" },
      });
    }
  });

  it("saves the draft and reports what would block publishing", async () => {
    const { json } = await create({ name: "Editable" });
    const result = await send(putScenarioRoute, on(json.scenario.id), "PUT", {
      name: "Edited",
      graph: graphWithEmail("missing"),
    });
    expect(result.status).toBe(200);
    expect(savedScenarioSchema.parse(result.json)).toEqual(result.json);
    expect(result.json.scenario.name).toBe("Edited");
    expect(result.json.graph).toEqual(graphWithEmail("missing"));
    expect(result.json.errors).toContainEqual(
      expect.objectContaining({ node_id: "mail", code: "template_not_found" }),
    );
  });

  it("refuses to save a deleted scenario (409), an unknown one (404) and a bad body (400)", async () => {
    const { json } = await create({ name: "To delete" });
    const deleted = await send(deleteScenarioRoute, on(json.scenario.id), "DELETE");
    expect(deleted).toMatchObject({ status: 200, json: { scenario: { status: "deleted" } } });
    expect(await send(putScenarioRoute, on(json.scenario.id), "PUT", { name: "x" })).toMatchObject({
      status: 409,
      json: { error: "scenario_deleted" },
    });
    expect(await send(putScenarioRoute, on(999_999), "PUT", { name: "x" })).toMatchObject({
      status: 404,
      json: { error: "scenario_not_found" },
    });
    expect(
      await send(putScenarioRoute, on(targetId), "PUT", { reentry: "sometimes" }),
    ).toMatchObject({ status: 400, json: { error: "validation_error" } });
    expect(await send(deleteScenarioRoute, on(999_999), "DELETE")).toMatchObject({
      status: 404,
      json: { error: "scenario_not_found" },
    });
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: at(getScenarioRoute),
    method: "GET",
    path: "/scenarios/1",
    auth: "api",
  });
  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: at(putScenarioRoute),
    method: "PUT",
    path: "/scenarios/1",
    auth: "api",
    validBody: () => ({ name: "Guard target" }),
    invalidBodies: [
      { name: "an unknown field", body: () => ({ title: "x" }), error: "validation_error" },
    ],
  });
  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: at(deleteScenarioRoute),
    method: "DELETE",
    path: "/scenarios/1",
    auth: "api",
  });
});
