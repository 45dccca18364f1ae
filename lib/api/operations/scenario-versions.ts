import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/define-operation";
import { scenarioGraphJsonSchema, scenarioVersionJsonSchema } from "@/lib/scenarios/scenario-json";
import { SCENARIOS_AUTH, withPathParams } from "@/lib/api/scenario-route-params";
import { savedScenarioSchema } from "./scenarios";

export const scenarioVersionListSchema = z
  .object({ versions: z.array(scenarioVersionJsonSchema) })
  .meta({ id: "ScenarioVersionList" });

export const scenarioVersionWithGraphSchema = z
  .object({ version: scenarioVersionJsonSchema, graph: scenarioGraphJsonSchema })
  .meta({ id: "ScenarioVersionWithGraph" });

export const listScenarioVersionsOperation = withPathParams(
  defineOperation({
    operationId: "listScenarioVersions",
    summary: "List a scenario's published versions, newest first",
    tags: ["Scenarios"],
    auth: SCENARIOS_AUTH,
    responses: {
      "200": { description: "The versions.", content: jsonContent(scenarioVersionListSchema) },
    },
    errors: { 404: ["scenario_not_found"] },
  }),
);

export const getScenarioVersionOperation = withPathParams(
  defineOperation({
    operationId: "getScenarioVersion",
    summary: "Get a published version and its graph",
    tags: ["Scenarios"],
    auth: SCENARIOS_AUTH,
    responses: {
      "200": { description: "The version.", content: jsonContent(scenarioVersionWithGraphSchema) },
    },
    errors: { 404: ["scenario_not_found", "scenario_version_not_found"] },
  }),
  { number: "Version number (1, 2, …)." },
);

export const restoreScenarioVersionOperation = withPathParams(
  defineOperation({
    operationId: "restoreScenarioVersion",
    summary: "Make a published version's graph the draft again",
    description: "The draft is replaced; publish it to make it the current version again.",
    tags: ["Scenarios"],
    auth: SCENARIOS_AUTH,
    responses: {
      "200": {
        description: "The scenario and its new draft.",
        content: jsonContent(savedScenarioSchema),
      },
    },
    errors: {
      404: ["scenario_not_found", "scenario_version_not_found"],
      409: ["scenario_deleted"],
    },
  }),
  { number: "Version number (1, 2, …)." },
);
