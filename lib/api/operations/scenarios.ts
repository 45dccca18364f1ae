import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/define-operation";
import { queryBooleanSchema } from "@/lib/api/request-schemas";
import {
  graphErrorJsonSchema,
  scenarioJsonSchema,
  scenarioVersionJsonSchema,
  scenarioWithGraphSchema,
} from "@/lib/scenarios/scenario-json";
import { pageQueryFields, SCENARIOS_AUTH, withPathParams } from "@/lib/api/scenario-route-params";
import {
  CONVERSION_EVENTS,
  conversionEventSchema,
  conversionWindowDaysSchema,
  holdoutPercentSchema,
} from "@/lib/scenarios/conversions/conversion-schemas";
import { exitRulesSchema } from "@/lib/scenarios/exit-rules";
import {
  publishNoteSchema,
  reentryDaysSchema,
  reentrySchema,
  scenarioNameSchema,
} from "@/lib/scenarios/schemas";

export const scenarioSettingsBodyFields = {
  name: scenarioNameSchema,
  reentry: reentrySchema.meta({
    description: "`always`, `once` per user, or `once_per_days` (needs `reentry_days`).",
  }),
  reentry_days: reentryDaysSchema
    .nullable()
    .meta({ description: "Days before a user may enter again (`once_per_days`)." }),
  graph: z.unknown().meta({
    description:
      "The draft graph (ScenarioGraphJson) — what GET /scenarios/{id} returns as `graph`.",
  }),
  conversion: z
    .strictObject({
      event: conversionEventSchema.meta({
        description: `${CONVERSION_EVENTS.join(", ")} or a \`custom.<name>\` event.`,
      }),
      window_days: conversionWindowDaysSchema.meta({
        description: "Days after entry within which the event counts as the run's conversion.",
      }),
    })
    .nullable()
    .meta({ description: "The scenario's conversion; null removes it." }),
  holdout_percent: holdoutPercentSchema.meta({
    description: "Share of entering users held out (no actions), sticky per user: 0–50.",
  }),
  exit_rules: exitRulesSchema,
};

export const createScenarioBodySchema = z
  .strictObject({
    name: scenarioSettingsBodyFields.name,
    reentry: scenarioSettingsBodyFields.reentry.optional(),
    reentry_days: scenarioSettingsBodyFields.reentry_days.optional(),
    conversion: scenarioSettingsBodyFields.conversion.optional(),
    holdout_percent: scenarioSettingsBodyFields.holdout_percent.optional(),
    exit_rules: scenarioSettingsBodyFields.exit_rules.optional(),
    graph: scenarioSettingsBodyFields.graph.optional(),
  })
  .meta({ id: "CreateScenarioRequest" });

export const listScenariosQuerySchema = z.strictObject({
  search: z.string().trim().min(1).max(200).optional().meta({ description: "Part of the name." }),
  deleted: queryBooleanSchema
    .optional()
    .meta({ description: "`true`: only deleted scenarios (left out otherwise)." }),
  ...pageQueryFields,
});

export const scenarioListItemSchema = scenarioJsonSchema
  .extend({
    entries_24h: z.number().int().meta({ description: "Runs started in the last 24 hours." }),
    entries_30d: z.number().int(),
    last_published_at: z.string().nullable(),
  })
  .omit({
    copied_from_id: true,
    created_at: true,
    conversion: true,
    holdout_percent: true,
    exit_rules: true,
  })
  .meta({ id: "ScenarioListItem" });

export const scenarioListSchema = z
  .object({ scenarios: z.array(scenarioListItemSchema), total: z.number().int() })
  .meta({ id: "ScenarioList" });

export const createScenarioOperation = defineOperation({
  operationId: "createScenario",
  summary: "Create a scenario (optionally importing a graph)",
  description:
    "A new draft scenario. `graph` is checked for structure only; publishing runs the full validation.",
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
  responses: {
    "200": { description: "Newest changes first.", content: jsonContent(scenarioListSchema) },
  },
});

export const updateScenarioBodySchema = z
  .strictObject({
    name: scenarioSettingsBodyFields.name.optional(),
    reentry: scenarioSettingsBodyFields.reentry.optional(),
    reentry_days: scenarioSettingsBodyFields.reentry_days.optional(),
    conversion: scenarioSettingsBodyFields.conversion.optional(),
    holdout_percent: scenarioSettingsBodyFields.holdout_percent.optional(),
    exit_rules: scenarioSettingsBodyFields.exit_rules.optional(),
    graph: scenarioSettingsBodyFields.graph.optional(),
  })
  .meta({ id: "UpdateScenarioRequest" });

export const savedScenarioSchema = scenarioWithGraphSchema
  .extend({
    errors: z.array(graphErrorJsonSchema).meta({
      description:
        "What would stop the draft from being published (information: the draft is saved).",
    }),
  })
  .meta({ id: "SavedScenario" });

export const scenarioResponseSchema = z
  .object({ scenario: scenarioJsonSchema })
  .meta({ id: "ScenarioResponse" });

export const getScenarioOperation = withPathParams(
  defineOperation({
    operationId: "getScenario",
    summary: "Get a scenario and its draft graph (export)",
    description:
      "`graph` is the draft graph: POST it to /scenarios to import it as a new scenario.",
    tags: ["Scenarios"],
    auth: SCENARIOS_AUTH,
    responses: {
      "200": { description: "The scenario.", content: jsonContent(scenarioWithGraphSchema) },
    },
    errors: { 404: ["scenario_not_found"] },
  }),
);

export const updateScenarioOperation = withPathParams(
  defineOperation({
    operationId: "updateScenario",
    summary: "Save the draft graph and settings (import)",
    description:
      "Replaces the draft graph when `graph` is given. The graph is checked for structure only.",
    tags: ["Scenarios"],
    auth: SCENARIOS_AUTH,
    body: updateScenarioBodySchema,
    responses: { "200": { description: "Saved.", content: jsonContent(savedScenarioSchema) } },
    errors: {
      400: ["scenario_graph_invalid"],
      404: ["scenario_not_found"],
      409: ["scenario_deleted"],
    },
  }),
);

export const deleteScenarioOperation = withPathParams(
  defineOperation({
    operationId: "deleteScenario",
    summary: "Delete a scenario (soft; restore brings it back disabled)",
    tags: ["Scenarios"],
    auth: SCENARIOS_AUTH,
    responses: {
      "200": {
        description: "Deleted (or already deleted).",
        content: jsonContent(scenarioResponseSchema),
      },
    },
    errors: { 404: ["scenario_not_found"] },
  }),
);

export const publishScenarioBodySchema = z
  .strictObject({
    note: publishNoteSchema.meta({ description: "What changed, for the version history." }),
  })
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
    responses: {
      "201": { description: "Published.", content: jsonContent(scenarioVersionResponseSchema) },
    },
    errors: { 400: ["scenario_invalid"], 404: ["scenario_not_found"], 409: ["scenario_deleted"] },
  }),
);

export const enableScenarioOperation = withPathParams(
  defineOperation({
    operationId: "enableScenario",
    summary: "Enable a scenario: new runs enter its current version",
    description:
      "Needs a published version (409 `scenario_not_published`); the current version is validated again (400 `scenario_invalid` with `errors`).",
    tags: ["Scenarios"],
    auth: SCENARIOS_AUTH,
    responses: {
      "200": { description: "The scenario.", content: jsonContent(scenarioResponseSchema) },
    },
    errors: {
      400: ["scenario_invalid"],
      404: ["scenario_not_found"],
      409: ["scenario_deleted", "scenario_not_published"],
    },
  }),
);

export const disableScenarioOperation = withPathParams(
  defineOperation({
    operationId: "disableScenario",
    summary: "Disable a scenario: no new entries; users inside stop at their next node",
    tags: ["Scenarios"],
    auth: SCENARIOS_AUTH,
    responses: {
      "200": { description: "The scenario.", content: jsonContent(scenarioResponseSchema) },
    },
    errors: { 404: ["scenario_not_found"], 409: ["scenario_deleted"] },
  }),
);

export const duplicateScenarioOperation = withPathParams(
  defineOperation({
    operationId: "duplicateScenario",
    summary: "Copy a scenario's draft graph and re-entry rule into a new draft scenario",
    tags: ["Scenarios"],
    auth: SCENARIOS_AUTH,
    responses: {
      "201": { description: "The copy.", content: jsonContent(scenarioWithGraphSchema) },
    },
    errors: { 404: ["scenario_not_found"] },
  }),
);

export const restoreScenarioOperation = withPathParams(
  defineOperation({
    operationId: "restoreScenario",
    summary: "Restore a deleted scenario (it comes back disabled)",
    tags: ["Scenarios"],
    auth: SCENARIOS_AUTH,
    responses: {
      "200": { description: "The scenario.", content: jsonContent(scenarioResponseSchema) },
    },
    errors: { 404: ["scenario_not_found"] },
  }),
);
