import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { queryBooleanSchema } from "@/lib/api/request-schemas";
import { scenarioJsonSchema, scenarioWithGraphSchema } from "@/lib/api/scenario-entity-schemas";
import { pageQueryFields, SCENARIOS_AUTH } from "@/lib/api/scenario-route-params";
import { reentryDaysSchema, reentrySchema, scenarioNameSchema } from "@/lib/scenarios/manage/scenario-schemas";

export const scenarioSettingsBodyFields = {
  name: scenarioNameSchema,
  reentry: reentrySchema.meta({ description: "`always`, `once` per user, or `once_per_days` (needs `reentry_days`)." }),
  reentry_days: reentryDaysSchema.nullable().meta({ description: "Days before a user may enter again (`once_per_days`)." }),
  graph: z.unknown().meta({ description: "The draft graph (ScenarioGraphJson) — what GET /scenarios/{id} returns as `graph`." }),
};

export const createScenarioBodySchema = z
  .strictObject({
    name: scenarioSettingsBodyFields.name,
    reentry: scenarioSettingsBodyFields.reentry.optional(),
    reentry_days: scenarioSettingsBodyFields.reentry_days.optional(),
    graph: scenarioSettingsBodyFields.graph.optional(),
  })
  .meta({ id: "CreateScenarioRequest" });

export const listScenariosQuerySchema = z.strictObject({
  search: z.string().trim().min(1).max(200).optional().meta({ description: "Part of the name." }),
  deleted: queryBooleanSchema.optional().meta({ description: "`true`: only deleted scenarios (left out otherwise)." }),
  ...pageQueryFields,
});

export const scenarioListItemSchema = scenarioJsonSchema
  .extend({
    entries_24h: z.number().int().meta({ description: "Runs started in the last 24 hours." }),
    entries_30d: z.number().int(),
    last_published_at: z.string().nullable(),
  })
  .omit({ copied_from_id: true, created_at: true })
  .meta({ id: "ScenarioListItem" });

export const scenarioListSchema = z
  .object({ scenarios: z.array(scenarioListItemSchema), total: z.number().int() })
  .meta({ id: "ScenarioList" });

export const createScenarioOperation = defineOperation({
  operationId: "createScenario",
  summary: "Create a scenario (optionally importing a graph)",
  description: "A new draft scenario. `graph` is checked for structure only; publishing runs the full validation.",
  tags: ["Scenarios"],
  auth: SCENARIOS_AUTH,
  body: createScenarioBodySchema,
  responses: { "201": { description: "Created.", content: jsonContent(scenarioWithGraphSchema) } },
  errors: { 400: ["scenario_graph_invalid"] },
});

export const listScenariosOperation = defineOperation({
  operationId: "listScenarios",
  summary: "List scenarios with their entry counts",
  tags: ["Scenarios"],
  auth: SCENARIOS_AUTH,
  query: listScenariosQuerySchema,
  responses: { "200": { description: "Newest changes first.", content: jsonContent(scenarioListSchema) } },
});
