import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as reportRoute } from "@/app/api/v1/scenarios/[id]/report/route";
import { PUT as putScenarioRoute } from "@/app/api/v1/scenarios/[id]/route";
import { scenarioReportJsonSchema } from "@/lib/scenarios/conversions/report-json";
import { openTestDatabase } from "../../support/test-database";
import { scenarioApiClient, withParams } from "../scenarios/scenario-api-fixtures";
import { validGraph } from "../scenarios/scenario-graphs";
import { createTokens, itRefusesBadRequests, type Tokens } from "./api-test-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let tokens: Tokens;
let targetId = 0;
const db = () => database.db;

beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(database.db, "scenarios");
  targetId = (await create({ name: "Report target", graph: validGraph() })).json.scenario.id;
});
afterAll(() => database.close());

const { create, send } = scenarioApiClient(() => tokens.api);

describe("conversion and holdout settings in the scenario API", () => {
  it("creates with, returns, changes and removes a conversion and a holdout", async () => {
    const created = await create({
      name: "Measured",
      conversion: { event: "payment.paid", window_days: 7 },
      holdout_percent: 10,
    });
    expect(created.status).toBe(201);
    expect(created.json.scenario).toMatchObject({
      conversion: { event: "payment.paid", window_days: 7 },
      holdout_percent: 10,
    });
    const id = created.json.scenario.id;
    const changed = await send(putScenarioRoute, { id }, "PUT", {
      conversion: { event: "custom.trial_started", window_days: 30 },
    });
    expect(changed.status).toBe(200);
    expect(changed.json.scenario).toMatchObject({
      conversion: { event: "custom.trial_started", window_days: 30 },
      holdout_percent: 10,
    });
    const removed = await send(putScenarioRoute, { id }, "PUT", {
      conversion: null,
      holdout_percent: 0,
    });
    expect(removed.json.scenario).toMatchObject({ conversion: null, holdout_percent: 0 });
  });

  it.each([
    ["a holdout over 50 %", { holdout_percent: 51 }],
    ["a negative holdout", { holdout_percent: -1 }],
    ["an unknown event", { conversion: { event: "payment.nothing", window_days: 3 } }],
    ["a window over 30 days", { conversion: { event: "payment.paid", window_days: 31 } }],
    ["a conversion without a window", { conversion: { event: "payment.paid" } }],
  ])("refuses %s (400)", async (_name, body) => {
    const result = await send(putScenarioRoute, { id: targetId }, "PUT", body);
    expect(result.status).toBe(400);
    expect(result.json.error).toBe("validation_error");
  });
});

describe("GET /api/v1/scenarios/:id/report", () => {
  it("returns the report (empty for a scenario nothing entered), 404 for an unknown scenario", async () => {
    const result = await send(reportRoute, { id: targetId }, "GET", undefined, { days: "90" });
    expect(result.status).toBe(200);
    expect(scenarioReportJsonSchema.parse(result.json)).toEqual(result.json);
    expect(result.json).toMatchObject({
      scenario_id: targetId,
      treated: { entered: 0, converted: 0, conversion_rate: null },
      uplift: null,
      variants: [],
    });
    expect(result.json.series).toHaveLength(90);
    expect((await send(reportRoute, { id: 999_999 }, "GET")).status).toBe(404);
    expect((await send(reportRoute, { id: "abc" }, "GET")).status).toBe(404);
    const bad = await send(reportRoute, { id: targetId }, "GET", undefined, { days: "7" });
    expect(bad.status).toBe(400);
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: withParams(reportRoute, () => ({ id: targetId })),
    method: "GET",
    path: "/scenarios/1/report",
    auth: "api",
  });
});
