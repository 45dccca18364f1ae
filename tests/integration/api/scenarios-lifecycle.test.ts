import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as disableRoute } from "@/app/api/v1/scenarios/[id]/disable/route";
import { POST as duplicateRoute } from "@/app/api/v1/scenarios/[id]/duplicate/route";
import { POST as enableRoute } from "@/app/api/v1/scenarios/[id]/enable/route";
import { POST as publishRoute } from "@/app/api/v1/scenarios/[id]/publish/route";
import { scenarioVersionResponseSchema } from "@/lib/api/operations/scenarios";
import { POST as restoreRoute } from "@/app/api/v1/scenarios/[id]/restore/route";
import { DELETE as deleteRoute } from "@/app/api/v1/scenarios/[id]/route";
import { POST as restoreVersionRoute } from "@/app/api/v1/scenarios/[id]/versions/[number]/restore/route";
import { GET as versionRoute } from "@/app/api/v1/scenarios/[id]/versions/[number]/route";
import { GET as versionsRoute } from "@/app/api/v1/scenarios/[id]/versions/route";
import {
  scenarioVersionListSchema,
  scenarioVersionWithGraphSchema,
} from "@/lib/api/operations/scenario-versions";
import { scenarios, scenarioVersions } from "@/lib/db/schema";
import { openTestDatabase } from "../../support/test-database";
import {
  type RouteHandler,
  scenarioApiClient,
  withParams,
} from "../scenarios/scenario-api-fixtures";
import { graphWithEmail, validGraph } from "../scenarios/scenario-graphs";
import { createTokens, type Handler, itRefusesBadRequests, type Tokens } from "./api-test-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let tokens: Tokens;
let targetId = 0;
const db = () => database.db;
const { create, send, publishedScenario } = scenarioApiClient(() => tokens.api);

beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(database.db, "scenarios");
  targetId = (await publishedScenario("Guard target")).id;
});
afterAll(() => database.close());

const at = (handler: RouteHandler, params: Record<string, string | number> = {}): Handler =>
  withParams(handler, () => ({ id: targetId, ...params }));
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
const versionCount = async (scenarioId: number) =>
  (
    await db()
      .select({ n: count() })
      .from(scenarioVersions)
      .where(eq(scenarioVersions.scenarioId, scenarioId))
  )[0]?.n;
const expectNotFound = async (handler: RouteHandler, method: string, body?: unknown) =>
  expect(await send(handler, { id: 999_999 }, method, body)).toMatchObject({
    status: 404,
    json: { error: "scenario_not_found" },
  });

describe("POST /api/v1/scenarios/:id/publish", () => {
  it("publishes the draft as the next version (201)", async () => {
    const { json } = await create({ name: "Publish me", graph: validGraph() });
    const first = await send(publishRoute, { id: json.scenario.id }, "POST", { note: "launch" });
    expect(first.status).toBe(201);
    expect(scenarioVersionResponseSchema.parse(first.json)).toEqual(first.json);
    expect(first.json.version).toMatchObject({
      number: 1,
      note: "launch",
      is_current: true,
      published_by: null,
    });
    const second = await send(publishRoute, { id: json.scenario.id }, "POST", {});
    expect(second.json.version.number).toBe(2);
  });

  it("refuses an invalid draft with errors per node and changes nothing (400)", async () => {
    const { json } = await create({
      name: "Broken refs",
      graph: graphWithEmail("no-such-template"),
    });
    const [before] = await db().select().from(scenarios).where(eq(scenarios.id, json.scenario.id));
    const result = await send(publishRoute, { id: json.scenario.id }, "POST", {});
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ error: "scenario_invalid", message: expect.any(String) });
    expect(result.json.errors).toContainEqual({
      node_id: "mail",
      code: "template_not_found",
      message: expect.any(String),
    });
    expect(await versionCount(json.scenario.id)).toBe(0);
    expect(
      (await db().select().from(scenarios).where(eq(scenarios.id, json.scenario.id)))[0],
    ).toEqual(before);
  });

  it("answers 404 for an unknown scenario and 400 for a bad body", async () => {
    await expectNotFound(publishRoute, "POST", {});
    expect(
      await send(publishRoute, { id: targetId }, "POST", { note: "x".repeat(501) }),
    ).toMatchObject({ status: 400, json: { error: "validation_error" } });
    expect(await versionCount(targetId)).toBe(1);
  });

  guard(at(publishRoute), "POST", () => ({}));
});

describe("enable, disable, delete and restore", () => {
  it("enables only a published scenario, then disables it", async () => {
    const { json } = await create({ name: "Unpublished", graph: validGraph() });
    expect(await send(enableRoute, { id: json.scenario.id }, "POST")).toMatchObject({
      status: 409,
      json: { error: "scenario_not_published" },
    });
    const { id } = await publishedScenario("Switchable");
    expect(await send(enableRoute, { id }, "POST")).toMatchObject({
      status: 200,
      json: { scenario: { status: "enabled", current_version: 1 } },
    });
    expect(await send(disableRoute, { id }, "POST")).toMatchObject({
      status: 200,
      json: { scenario: { status: "disabled" } },
    });
  });

  it("restores a deleted scenario as disabled", async () => {
    const { id } = await publishedScenario("Phoenix");
    await send(enableRoute, { id }, "POST");
    expect((await send(deleteRoute, { id }, "DELETE")).json.scenario).toMatchObject({
      status: "deleted",
      deleted_at: expect.any(String),
    });
    expect(await send(enableRoute, { id }, "POST")).toMatchObject({
      status: 409,
      json: { error: "scenario_deleted" },
    });
    expect(await send(restoreRoute, { id }, "POST")).toMatchObject({
      status: 200,
      json: { scenario: { status: "disabled", deleted_at: null } },
    });
  });

  it("answers 404 for unknown scenarios", async () => {
    for (const handler of [enableRoute, disableRoute, restoreRoute])
      await expectNotFound(handler, "POST");
  });

  guard(at(enableRoute), "POST");
  guard(at(disableRoute), "POST");
  guard(at(restoreRoute), "POST");
});

describe("POST /api/v1/scenarios/:id/duplicate", () => {
  it("copies the draft into a new draft (201)", async () => {
    const result = await send(duplicateRoute, { id: targetId }, "POST");
    expect(result.status).toBe(201);
    expect(result.json.scenario).toMatchObject({
      name: "Copy of Guard target",
      status: "draft",
      copied_from_id: targetId,
      current_version: null,
    });
    expect(result.json.graph).toEqual(validGraph());
    await expectNotFound(duplicateRoute, "POST");
  });

  guard(at(duplicateRoute), "POST");
});

describe("GET /api/v1/scenarios/:id/versions[/:number]", () => {
  it("lists versions and returns one version's graph", async () => {
    const listed = await send(versionsRoute, { id: targetId }, "GET");
    expect(listed.status).toBe(200);
    expect(scenarioVersionListSchema.parse(listed.json)).toEqual(listed.json);
    expect(listed.json.versions).toMatchObject([{ number: 1, is_current: true }]);
    const one = await send(versionRoute, { id: targetId, number: 1 }, "GET");
    expect(one.status).toBe(200);
    expect(scenarioVersionWithGraphSchema.parse(one.json)).toEqual(one.json);
    expect(one.json.graph).toEqual(validGraph());
  });

  it("answers 404 for unknown scenarios and versions", async () => {
    await expectNotFound(versionsRoute, "GET");
    for (const number of [2, "x"]) {
      expect(await send(versionRoute, { id: targetId, number }, "GET")).toMatchObject({
        status: 404,
        json: { error: "scenario_version_not_found" },
      });
    }
  });

  guard(at(versionsRoute), "GET");
  guard(at(versionRoute, { number: 1 }), "GET");
});

describe("POST /api/v1/scenarios/:id/versions/:number/restore", () => {
  it("copies the version's graph into the draft and leaves the versions as they are", async () => {
    const { json } = await create({ name: "Restore a version", graph: validGraph() });
    const id = json.scenario.id;
    expect((await send(publishRoute, { id }, "POST", {})).status).toBe(201);
    const { PUT: updateRoute } = await import("@/app/api/v1/scenarios/[id]/route");
    await send(updateRoute, { id }, "PUT", { graph: graphWithEmail("later_edit") });
    const restored = await send(restoreVersionRoute, { id, number: 1 }, "POST");
    expect(restored.status).toBe(200);
    expect(restored.json).toMatchObject({ graph: validGraph(), errors: [] });
    expect(await versionCount(id)).toBe(1);
    expect(await send(restoreVersionRoute, { id, number: 7 }, "POST")).toMatchObject({
      status: 404,
      json: { error: "scenario_version_not_found" },
    });
  });

  guard(at(restoreVersionRoute, { number: 1 }), "POST");
});
