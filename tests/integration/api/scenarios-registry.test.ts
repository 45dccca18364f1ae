import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as registryRoute } from "@/app/api/v1/scenarios/registry/route";
import { scenarioRegistrySchema } from "@/lib/api/operations/scenario-insight";
import { NODE_TYPES } from "@/lib/scenarios/nodes/definitions";
import { openTestDatabase } from "../../support/test-database";
import { call, createTokens, type Tokens } from "./api-test-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let tokens: Tokens;

beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(database.db, "scenarios");
});
afterAll(() => database.close());

describe("GET /api/v1/scenarios/registry", () => {
  it("lists node types, triggers, criteria with value schemas and actions with params schemas", async () => {
    const result = await call(registryRoute, "GET", "/scenarios/registry", { token: tokens.api });
    expect(result.status).toBe(200);
    expect(scenarioRegistrySchema.parse(result.json)).toEqual(result.json);
    expect(result.json.node_types.map((t: { type: string }) => t.type)).toEqual(NODE_TYPES);
    expect(result.json.triggers).toContainEqual(
      expect.objectContaining({ event: "payment.paid", provides: ["payment", "subscription"] }),
    );
    expect(result.json.criteria).toContainEqual(
      expect.objectContaining({
        kind: "payment",
        key: "amount",
        requires: "payment",
        value_input: "money",
        value_schema: expect.objectContaining({ type: "integer" }),
      }),
    );
    expect(result.json.criteria).toContainEqual(
      expect.objectContaining({
        kind: "subscription",
        key: "has_following",
        description: expect.stringContaining("renewal"),
        requires: null,
        value_input: "boolean",
      }),
    );
    const extend = result.json.actions.find(
      (a: { code: string }) => a.code === "extend_subscription",
    );
    expect(extend.params_schema).toMatchObject({
      type: "object",
      properties: { days: { type: "integer", minimum: 1 } },
      required: ["days"],
    });
  });

  it("needs an API token with the scenarios scope", async () => {
    expect((await call(registryRoute, "GET", "/scenarios/registry")).status).toBe(401);
    expect(
      await call(registryRoute, "GET", "/scenarios/registry", { token: tokens.otherScope }),
    ).toMatchObject({ status: 403, json: { error: "insufficient_scope" } });
    expect(
      await call(registryRoute, "GET", "/scenarios/registry", { token: tokens.user }),
    ).toMatchObject({ status: 403 });
  });
});
