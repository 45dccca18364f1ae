import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { scenarioRunJsonSchema, scenarioRunStepJsonSchema } from "@/lib/api/scenario-entity-schemas";
import { pageQueryFields, SCENARIOS_AUTH, withPathParams } from "@/lib/api/scenario-route-params";

export const listScenarioRunsQuerySchema = z.strictObject({
  user_id: z.coerce.number().int().positive().max(2_147_483_647).optional().meta({ description: "Only this user's runs." }),
  ...pageQueryFields,
});

export const scenarioRunListSchema = z
  .object({ runs: z.array(scenarioRunJsonSchema), total: z.number().int() })
  .meta({ id: "ScenarioRunList" });

export const scenarioRunPathSchema = z
  .object({ run: scenarioRunJsonSchema, steps: z.array(scenarioRunStepJsonSchema) })
  .meta({ id: "ScenarioRunPath" });

export const listScenarioRunsOperation = withPathParams(
  defineOperation({
    operationId: "listScenarioRuns",
    summary: "List a scenario's runs, newest first",
    tags: ["Scenarios"],
    auth: SCENARIOS_AUTH,
    query: listScenarioRunsQuerySchema,
    responses: { "200": { description: "The runs.", content: jsonContent(scenarioRunListSchema) } },
    errors: { 404: ["scenario_not_found"] },
  }),
);

export const getScenarioRunOperation = withPathParams(
  defineOperation({
    operationId: "getScenarioRun",
    summary: "A run's path: every node visit with its outcome and the facts behind it",
    tags: ["Scenarios"],
    auth: SCENARIOS_AUTH,
    responses: { "200": { description: "The run and its steps in order.", content: jsonContent(scenarioRunPathSchema) } },
    errors: { 404: ["scenario_not_found", "scenario_run_not_found"] },
  }),
  { runId: "Run id." },
);
