import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { scenarioVersionJsonSchema } from "@/lib/api/scenario-entity-schemas";
import { SCENARIOS_AUTH, withPathParams } from "@/lib/api/scenario-route-params";
import { publishNoteSchema } from "@/lib/scenarios/manage/scenario-schemas";

export const publishScenarioBodySchema = z
  .strictObject({ note: publishNoteSchema.meta({ description: "What changed, for the version history." }) })
  .meta({ id: "PublishScenarioRequest" });

export const scenarioVersionResponseSchema = z
  .object({ version: scenarioVersionJsonSchema })
  .meta({ id: "ScenarioVersionResponse" });

export const publishScenarioOperation = withPathParams(
  defineOperation({
    operationId: "publishScenario",
    summary: "Publish the draft as a new version",
    description:
      "Validates the draft graph; when it breaks a rule the answer is 400 `scenario_invalid` with " +
      "`errors: [{ node_id, code, message }]` and nothing changes. Otherwise the draft becomes version n+1 and current.",
    tags: ["Scenarios"],
    auth: SCENARIOS_AUTH,
    body: publishScenarioBodySchema,
    responses: { "201": { description: "Published.", content: jsonContent(scenarioVersionResponseSchema) } },
    errors: { 400: ["scenario_invalid"], 404: ["scenario_not_found"], 409: ["scenario_deleted"] },
  }),
);
