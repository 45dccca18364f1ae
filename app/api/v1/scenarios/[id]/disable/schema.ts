import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { SCENARIOS_AUTH, withPathParams } from "@/lib/api/scenario-route-params";
import { scenarioResponseSchema } from "../schema";

export const disableScenarioOperation = withPathParams(
  defineOperation({
    operationId: "disableScenario",
    summary: "Disable a scenario: no new entries; users inside stop at their next node",
    tags: ["Scenarios"],
    auth: SCENARIOS_AUTH,
    responses: { "200": { description: "The scenario.", content: jsonContent(scenarioResponseSchema) } },
    errors: { 404: ["scenario_not_found"], 409: ["scenario_deleted"] },
  }),
);
