import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { SCENARIOS_AUTH, withPathParams } from "@/lib/api/scenario-route-params";
import { scenarioResponseSchema } from "../schema";

export const enableScenarioOperation = withPathParams(
  defineOperation({
    operationId: "enableScenario",
    summary: "Enable a scenario: new runs enter its current version",
    description: "Needs a published version (409 `scenario_not_published`); the current version is validated again (400 `scenario_invalid` with `errors`).",
    tags: ["Scenarios"],
    auth: SCENARIOS_AUTH,
    responses: { "200": { description: "The scenario.", content: jsonContent(scenarioResponseSchema) } },
    errors: { 400: ["scenario_invalid"], 404: ["scenario_not_found"], 409: ["scenario_deleted", "scenario_not_published"] },
  }),
);
