import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { SCENARIOS_AUTH, withPathParams } from "@/lib/api/scenario-route-params";
import { scenarioResponseSchema } from "../schema";

export const restoreScenarioOperation = withPathParams(
  defineOperation({
    operationId: "restoreScenario",
    summary: "Restore a deleted scenario (it comes back disabled)",
    tags: ["Scenarios"],
    auth: SCENARIOS_AUTH,
    responses: { "200": { description: "The scenario.", content: jsonContent(scenarioResponseSchema) } },
    errors: { 404: ["scenario_not_found"] },
  }),
);
