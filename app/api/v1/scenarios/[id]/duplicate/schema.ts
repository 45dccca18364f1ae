import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { scenarioWithGraphSchema } from "@/lib/api/scenario-entity-schemas";
import { SCENARIOS_AUTH, withPathParams } from "@/lib/api/scenario-route-params";

export const duplicateScenarioOperation = withPathParams(
  defineOperation({
    operationId: "duplicateScenario",
    summary: "Copy a scenario's draft graph and re-entry rule into a new draft scenario",
    tags: ["Scenarios"],
    auth: SCENARIOS_AUTH,
    responses: { "201": { description: "The copy.", content: jsonContent(scenarioWithGraphSchema) } },
    errors: { 404: ["scenario_not_found"] },
  }),
);
