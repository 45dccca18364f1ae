import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  GET as getScenarioRoute,
  PUT as putScenarioRoute,
} from "@/app/api/v1/scenarios/[id]/route";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { scenarioWithGraphSchema } from "@/lib/scenarios/scenario-json";
import { openTestDatabase } from "../../support/test-database";
import { scenarioApiClient } from "../scenarios/scenario-api-fixtures";
import { validGraph } from "../scenarios/scenario-graphs";
import { createTokens, type Tokens } from "./api-test-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let tokens: Tokens;

beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(database.db, "scenarios");
});
afterAll(() => database.close());

const { create, send } = scenarioApiClient(() => tokens.api);

const dunningExit = {
  event: "payment.paid",
  filter: [{ field: "amount_cents", op: "gte", value: 500 }],
};

describe("a scenario's exit rules in the API", () => {
  it("are accepted on create, returned, replaced by PUT and kept when a PUT leaves them out", async () => {
    const created = await create({
      name: "Dunning",
      graph: validGraph(),
      exit_rules: [dunningExit, { event: "custom.plan_cancelled" }],
    });
    expect(created.status).toBe(201);
    expect(scenarioWithGraphSchema.parse(created.json)).toEqual(created.json);
    expect(created.json.scenario.exit_rules).toEqual([
      dunningExit,
      { event: "custom.plan_cancelled", filter: [] },
    ]);
    const id = created.json.scenario.id;

    const renamed = await send(putScenarioRoute, { id }, "PUT", { name: "Dunning 2" });
    expect(renamed.status).toBe(200);
    const kept = await send(getScenarioRoute, { id }, "GET");
    expect(kept.json.scenario.exit_rules).toHaveLength(2);

    const replaced = await send(putScenarioRoute, { id }, "PUT", { exit_rules: [] });
    expect(replaced.status).toBe(200);
    const reread = await send(getScenarioRoute, { id }, "GET");
    expect(reread.json.scenario.exit_rules).toEqual([]);
  });

  it.each([
    ["an unknown event", [{ event: "payment.maybe" }]],
    ["a bad custom name", [{ event: "custom.Has Spaces" }]],
    [
      "a field that is not a path",
      [{ event: "payment.paid", filter: [{ field: "a || b", op: "eq", value: 1 }] }],
    ],
    [
      "a comparison without a value",
      [{ event: "payment.paid", filter: [{ field: "amount_cents", op: "gt", value: null }] }],
    ],
    [
      "an unknown operator",
      [{ event: "payment.paid", filter: [{ field: "amount_cents", op: "like", value: "x" }] }],
    ],
    ["not a list", { event: "payment.paid" }],
  ])("are refused with 400 validation_error: %s", async (_name, exitRules) => {
    const created = await create({ name: "Refused", exit_rules: exitRules });
    expect(created.status).toBe(400);
    expect(created.json.error).toBe("validation_error");
  });

  it("are documented in OpenAPI", () => {
    const document = buildOpenApiDocument() as {
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(document.components.schemas.Scenario?.properties).toHaveProperty("exit_rules");
    expect(document.components.schemas.CreateScenarioRequest?.properties).toHaveProperty(
      "exit_rules",
    );
    expect(document.components.schemas.UpdateScenarioRequest?.properties).toHaveProperty(
      "exit_rules",
    );
  });
});
