import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/define-operation";
import { idInputSchema, INT4_MAX } from "@/lib/api/request-schemas";
import { scenarioRunStatus } from "@/lib/db/schema";
import { nodeIdSchema } from "@/lib/scenarios/graph";
import {
  scenarioRunJsonSchema,
  scenarioRunListItemJsonSchema,
  scenarioRunStepJsonSchema,
} from "@/lib/scenarios/scenario-json";
import { pageQueryFields, SCENARIOS_AUTH, withPathParams } from "@/lib/api/scenario-route-params";

export const fireScenarioTestBodySchema = z
  .strictObject({
    user_id: idInputSchema,
    payload: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({ description: "Carried on the event for conditions to read." }),
  })
  .meta({ id: "FireScenarioTestRequest" });

export const scenarioTestEventResponseSchema = z
  .object({
    event_id: z.string().meta({ description: "Id of the recorded `scenario.test` event." }),
  })
  .meta({ id: "ScenarioTestEvent" });

export const fireScenarioTestOperation = defineOperation({
  operationId: "fireScenarioTest",
  summary: "Fire `scenario.test` for a user",
  description:
    "Enabled scenarios triggered by `scenario.test` start a run for the user, as for any other event.",
  tags: ["Scenarios"],
  auth: SCENARIOS_AUTH,
  body: fireScenarioTestBodySchema,
  responses: {
    "202": { description: "Recorded.", content: jsonContent(scenarioTestEventResponseSchema) },
  },
  errors: { 400: ["user_not_found"] },
});

const jsonSchema = z
  .record(z.string(), z.unknown())
  .meta({ description: "A JSON Schema (draft 2020-12)." });

export const scenarioRegistrySchema = z
  .object({
    node_types: z.array(
      z.object({
        type: z.string(),
        group: z.enum(["trigger", "condition", "action", "operation"]),
        label: z.string(),
        description: z.string(),
      }),
    ),
    triggers: z.array(
      z.object({
        event: z.string().meta({
          description:
            "Event name, or `before:<trigger>` for before-event nodes. Any `custom.*` name is a trigger too.",
        }),
        label: z.string(),
        description: z.string(),
        provides: z
          .array(z.string())
          .meta({ description: "Data the trigger carries: criteria that need it are allowed." }),
      }),
    ),
    criteria: z.array(
      z.object({
        kind: z.enum(["user", "payment", "subscription", "trigger"]),
        key: z.string(),
        label: z.string(),
        description: z
          .string()
          .nullable()
          .meta({ description: "What the label leaves open (which subscription, what counts)." }),
        operators: z.array(z.object({ op: z.string(), label: z.string() })),
        value_input: z.union([z.string(), z.object({ options: z.array(z.string()) })]).meta({
          description:
            "How a form asks for the value: text, number, money (cents), date, days, boolean, content_access, subscription_type, or one of options.",
        }),
        value_schema: jsonSchema,
        requires: z.string().nullable(),
      }),
    ),
    actions: z.array(
      z.object({
        code: z.string(),
        label: z.string(),
        description: z.string(),
        params_schema: jsonSchema,
      }),
    ),
  })
  .meta({ id: "ScenarioRegistry" });

export const getScenarioRegistryOperation = defineOperation({
  operationId: "getScenarioRegistry",
  summary: "What a scenario graph can use",
  description:
    "Node types, trigger events, criteria (operators and value schema) and generic actions (params schema).",
  tags: ["Scenarios"],
  auth: SCENARIOS_AUTH,
  responses: {
    "200": { description: "The registries.", content: jsonContent(scenarioRegistrySchema) },
  },
});

export const scenarioStatsQuerySchema = z.strictObject({
  version: z.coerce
    .number()
    .int()
    .positive()
    .max(INT4_MAX)
    .optional()
    .meta({ description: "A version number; all versions when absent." }),
});

const countsByOutcome = z
  .record(z.string(), z.number().int())
  .meta({ description: "Visits per outcome (port taken)." });

export const scenarioStatsResponseSchema = z
  .object({
    version: z.number().int().nullable(),
    stats: z.object({
      nodes: z.record(
        z.string(),
        z.object({ last_24h: countsByOutcome, last_30d: countsByOutcome }),
      ),
      edges: z.record(
        z.string(),
        z.object({ last_24h: z.number().int(), last_30d: z.number().int() }),
      ),
    }),
  })
  .meta({ id: "ScenarioStats" });

export const getScenarioStatsOperation = withPathParams(
  defineOperation({
    operationId: "getScenarioStats",
    summary: "Visits per node and outcome, and users per edge, for the last 24 hours and 30 days",
    tags: ["Scenarios"],
    auth: SCENARIOS_AUTH,
    query: scenarioStatsQuerySchema,
    responses: {
      "200": {
        description: "Counts keyed by node id and edge id.",
        content: jsonContent(scenarioStatsResponseSchema),
      },
    },
    errors: { 404: ["scenario_not_found", "scenario_version_not_found"] },
  }),
);

export const listScenarioRunsQuerySchema = z.strictObject({
  status: z.enum(scenarioRunStatus.enumValues).optional(),
  version: z.coerce
    .number()
    .int()
    .positive()
    .max(INT4_MAX)
    .optional()
    .meta({ description: "Only runs of this version number." }),
  user_id: z.coerce
    .number()
    .int()
    .positive()
    .max(INT4_MAX)
    .optional()
    .meta({ description: "Only this user's runs." }),
  email: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: "Only users whose email contains this, case-insensitive." }),
  node_id: nodeIdSchema.optional().meta({
    description:
      "Only runs whose current node (see `current_node`) is this one. On a large scenario, pair it with `status`: " +
      "each run the other filters leave is looked at.",
  }),
  ...pageQueryFields,
});

export const scenarioRunListSchema = z
  .object({ runs: z.array(scenarioRunListItemJsonSchema), total: z.number().int() })
  .meta({ id: "ScenarioRunList" });

export const scenarioRunPathSchema = z
  .object({ run: scenarioRunJsonSchema, steps: z.array(scenarioRunStepJsonSchema) })
  .meta({ id: "ScenarioRunPath" });

export const listScenarioRunsOperation = withPathParams(
  defineOperation({
    operationId: "listScenarioRuns",
    summary: "List a scenario's runs, newest first, with the node each one is at",
    description:
      "A page of the scenario's runs (`limit`, `offset`) and the total that matches the filters; each run with its " +
      "user, status, version and current node.",
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
    responses: {
      "200": {
        description: "The run and its steps in order.",
        content: jsonContent(scenarioRunPathSchema),
      },
    },
    errors: { 404: ["scenario_not_found", "scenario_run_not_found"] },
  }),
  { runId: "Run id." },
);

export const simulateScenarioBodySchema = z
  .strictObject({
    user_id: idInputSchema,
    version: z
      .union([z.number().int().positive().max(INT4_MAX), z.enum(["draft", "current"])])
      .optional()
      .meta({ description: "A version number, `draft` or `current` (default)." }),
    trigger: z
      .strictObject({
        event: z.string().min(1).max(120),
        payload: z.record(z.string(), z.unknown()).optional(),
      })
      .optional()
      .meta({
        description:
          "The event to pretend started the run; the graph's trigger with an empty payload when absent.",
      }),
  })
  .meta({ id: "SimulateScenarioRequest" });

export const simulationResponseSchema = z
  .object({
    simulation: z.object({
      version_number: z
        .number()
        .int()
        .nullable()
        .meta({ description: "Null when the draft was simulated." }),
      steps: z.array(
        z.object({
          node_id: z.string(),
          node_type: z.string(),
          outcome: z.string().nullable(),
          facts: z.record(z.string(), z.unknown()),
          note: z.string(),
        }),
      ),
    }),
  })
  .meta({ id: "ScenarioSimulation" });

export const simulateScenarioOperation = withPathParams(
  defineOperation({
    operationId: "simulateScenario",
    summary:
      "Predict the path a user would take now, with the facts of each decision (no side effects)",
    tags: ["Scenarios"],
    auth: SCENARIOS_AUTH,
    body: simulateScenarioBodySchema,
    responses: {
      "200": {
        description: "The predicted steps in order.",
        content: jsonContent(simulationResponseSchema),
      },
    },
    errors: {
      400: ["user_not_found", "scenario_trigger_not_found", "scenario_graph_invalid"],
      404: ["scenario_not_found", "scenario_version_not_found"],
    },
  }),
);
