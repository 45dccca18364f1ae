import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { graphErrorJsonSchema, scenarioJsonSchema, scenarioWithGraphSchema } from "@/lib/api/scenario-entity-schemas";
import { SCENARIOS_AUTH, withPathParams } from "@/lib/api/scenario-route-params";
import { scenarioSettingsBodyFields } from "../schema";

export const updateScenarioBodySchema = z
  .strictObject({
    name: scenarioSettingsBodyFields.name.optional(),
    reentry: scenarioSettingsBodyFields.reentry.optional(),
    reentry_days: scenarioSettingsBodyFields.reentry_days.optional(),
    graph: scenarioSettingsBodyFields.graph.optional(),
  })
  .meta({ id: "UpdateScenarioRequest" });

export const savedScenarioSchema = scenarioWithGraphSchema
  .extend({
    errors: z
      .array(graphErrorJsonSchema)
      .meta({ description: "What would stop the draft from being published (information: the draft is saved)." }),
  })
  .meta({ id: "SavedScenario" });

export const scenarioResponseSchema = z.object({ scenario: scenarioJsonSchema }).meta({ id: "ScenarioResponse" });

export const getScenarioOperation = withPathParams(
  defineOperation({
    operationId: "getScenario",
    summary: "Get a scenario and its draft graph (export)",
    description: "`graph` is the draft graph: POST it to /scenarios to import it as a new scenario.",
    tags: ["Scenarios"],
    auth: SCENARIOS_AUTH,
    responses: { "200": { description: "The scenario.", content: jsonContent(scenarioWithGraphSchema) } },
    errors: { 404: ["scenario_not_found"] },
  }),
);

export const updateScenarioOperation = withPathParams(
  defineOperation({
    operationId: "updateScenario",
    summary: "Save the draft graph and settings (import)",
    description: "Replaces the draft graph when `graph` is given. The graph is checked for structure only.",
    tags: ["Scenarios"],
    auth: SCENARIOS_AUTH,
    body: updateScenarioBodySchema,
    responses: { "200": { description: "Saved.", content: jsonContent(savedScenarioSchema) } },
    errors: { 400: ["scenario_graph_invalid"], 404: ["scenario_not_found"], 409: ["scenario_deleted"] },
  }),
);

export const deleteScenarioOperation = withPathParams(
  defineOperation({
    operationId: "deleteScenario",
    summary: "Delete a scenario (soft; restore brings it back disabled)",
    tags: ["Scenarios"],
    auth: SCENARIOS_AUTH,
    responses: { "200": { description: "Deleted (or already deleted).", content: jsonContent(scenarioResponseSchema) } },
    errors: { 404: ["scenario_not_found"] },
  }),
);
