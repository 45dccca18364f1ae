import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { SCENARIOS_AUTH, withPathParams } from "@/lib/api/scenario-route-params";
import { savedScenarioSchema } from "../../../schema";

export const restoreScenarioVersionOperation = withPathParams(
  defineOperation({
    operationId: "restoreScenarioVersion",
    summary: "Make a published version's graph the draft again",
    description: "The draft is replaced; publish it to make it the current version again.",
    tags: ["Scenarios"],
    auth: SCENARIOS_AUTH,
    responses: { "200": { description: "The scenario and its new draft.", content: jsonContent(savedScenarioSchema) } },
    errors: { 404: ["scenario_not_found", "scenario_version_not_found"], 409: ["scenario_deleted"] },
  }),
  { number: "Version number (1, 2, …)." },
);
