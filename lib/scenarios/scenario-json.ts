import { z } from "zod";
import { timestampSchema } from "@/lib/api/response-schemas";
import {
  scenarioRunStatus,
  scenarioStatus,
  type Scenario,
  type ScenarioRunStatus,
} from "@/lib/db/schema";
import type { ScenarioVersionRow } from "./admin/list-scenario-versions";
import type { ScenarioRunListRow } from "./runs/search-scenario-runs";
import { exitRulesSchema, readExitRules } from "./exit-rules";
import { SCENARIO_REENTRY } from "./schemas";
import type { GraphError } from "./validate-graph";

/**
 * Scenarios in the v1 API's snake_case JSON: the response schemas (shared by the routes and OpenAPI) and the
 * row → JSON mapping.
 */

/** The graph JSON as stored: structure per `ScenarioGraph` (lib/scenarios/graph.ts); also the import/export format. */
export const scenarioGraphJsonSchema = z
  .object({
    nodes: z.array(z.record(z.string(), z.unknown())),
    edges: z.array(z.record(z.string(), z.unknown())),
  })
  .meta({
    id: "ScenarioGraphJson",
    description:
      "`{ nodes: [{ id, type, config, position, openPorts? }], edges: [{ id, from, fromPort, to }] }`",
  });

export const scenarioJsonSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    status: z.enum(scenarioStatus.enumValues),
    reentry: z.enum(SCENARIO_REENTRY),
    reentry_days: z.number().int().nullable(),
    conversion: z
      .object({ event: z.string(), window_days: z.number().int() })
      .nullable()
      .meta({ description: "An event within `window_days` after entry converts the run." }),
    holdout_percent: z
      .number()
      .int()
      .meta({ description: "Share of entering users held out (no actions), 0–50." }),
    exit_rules: exitRulesSchema.meta({
      id: "ScenarioExitRules",
      description:
        "Events that end a user's running or waiting runs at once (status `exited`, reason `exit_event:<name>`), " +
        "for runs of every version: `[{ event, filter: [{ field, op, value }] }]`. `event` is a domain event or " +
        "`custom.<name>`; every test of `filter` must hold on the event's data (`op`: eq, ne, gt, gte, lt, lte, " +
        "exists).",
    }),
    current_version: z
      .number()
      .int()
      .nullable()
      .meta({ description: "Number of the version new runs enter." }),
    copied_from_id: z.number().int().nullable(),
    created_at: timestampSchema,
    updated_at: timestampSchema,
    deleted_at: timestampSchema.nullable(),
  })
  .meta({ id: "Scenario" });
export type ScenarioJson = z.infer<typeof scenarioJsonSchema>;

export const graphErrorJsonSchema = z
  .object({ node_id: z.string().nullable(), code: z.string(), message: z.string() })
  .meta({ id: "ScenarioGraphError" });
export type GraphErrorJson = z.infer<typeof graphErrorJsonSchema>;

export const scenarioWithGraphSchema = z
  .object({ scenario: scenarioJsonSchema, graph: scenarioGraphJsonSchema })
  .meta({ id: "ScenarioWithGraph" });

export const scenarioVersionJsonSchema = z
  .object({
    id: z.number().int(),
    number: z.number().int(),
    note: z.string().nullable(),
    published_by: z.number().int().nullable(),
    created_at: timestampSchema,
    is_current: z.boolean(),
  })
  .meta({ id: "ScenarioVersion" });
export type ScenarioVersionJson = z.infer<typeof scenarioVersionJsonSchema>;

export const scenarioRunJsonSchema = z
  .object({
    id: z.number().int(),
    scenario_id: z.number().int(),
    scenario_name: z.string(),
    version_id: z.number().int(),
    version_number: z.number().int().nullable(),
    user_id: z.number().int(),
    user_email: z.string().nullable(),
    trigger_event: z.string(),
    status: z.enum(scenarioRunStatus.enumValues),
    status_reason: z.string().nullable(),
    created_at: timestampSchema,
    finished_at: timestampSchema.nullable(),
  })
  .meta({ id: "ScenarioRun" });
export type ScenarioRunJson = z.infer<typeof scenarioRunJsonSchema>;

export const scenarioRunListItemJsonSchema = scenarioRunJsonSchema
  .extend({
    updated_at: timestampSchema,
    current_node: z
      .object({
        id: z.string(),
        type: z.string(),
        title: z
          .string()
          .nullable()
          .meta({ description: "What the node does, in the graph of the run's version." }),
        entered_at: timestampSchema,
        finished_at: timestampSchema
          .nullable()
          .meta({ description: "Null while the run is at the node (a wait, a goal)." }),
      })
      .nullable()
      .meta({
        description:
          "Where the run is: an open run's latest visit in progress, else the node it visited last. Null when " +
          "no visit is recorded (not started yet, or visits removed after 31 days).",
      }),
  })
  .meta({ id: "ScenarioRunListItem" });
export type ScenarioRunListItemJson = z.infer<typeof scenarioRunListItemJsonSchema>;

export const scenarioRunStepJsonSchema = z
  .object({
    node_id: z.string(),
    node_type: z.string(),
    visit: z.number().int(),
    via_edge_id: z.string().nullable(),
    entered_at: timestampSchema,
    finished_at: timestampSchema.nullable(),
    outcome: z.string().nullable().meta({
      description: "The port taken, or cancelled/failed/skipped; null while in progress.",
    }),
    facts: z.record(z.string(), z.unknown()).meta({ description: "What a decision was based on." }),
  })
  .meta({ id: "ScenarioRunStep" });
export type ScenarioRunStepJson = z.infer<typeof scenarioRunStepJsonSchema>;

const iso = (date: Date | string) => new Date(date).toISOString();
const isoOrNull = (date: Date | string | null) => (date === null ? null : iso(date));

export function serializeScenario(
  scenario: Scenario & { currentVersionNumber: number | null },
): ScenarioJson {
  return {
    id: scenario.id,
    name: scenario.name,
    status: scenario.status,
    reentry: scenario.reentry,
    reentry_days: scenario.reentryDays,
    conversion:
      scenario.conversionEvent === null || scenario.conversionWindowDays === null
        ? null
        : { event: scenario.conversionEvent, window_days: scenario.conversionWindowDays },
    holdout_percent: scenario.holdoutPercent,
    exit_rules: readExitRules(scenario.exitRules),
    current_version: scenario.currentVersionNumber,
    copied_from_id: scenario.copiedFromId,
    created_at: iso(scenario.createdAt),
    updated_at: iso(scenario.updatedAt),
    deleted_at: isoOrNull(scenario.deletedAt),
  };
}

export function serializeGraphErrors(errors: GraphError[]): GraphErrorJson[] {
  return errors.map((error) => ({
    node_id: error.nodeId,
    code: error.code,
    message: error.message,
  }));
}

export function serializeScenarioVersion(version: ScenarioVersionRow): ScenarioVersionJson {
  return {
    id: version.id,
    number: version.number,
    note: version.note,
    published_by: version.publishedBy,
    created_at: iso(version.createdAt),
    is_current: version.isCurrent,
  };
}

/** The fields of a run the API shows (the shape `listScenarioRuns` and `getScenarioRunPath` return). */
export interface ScenarioRunFields {
  id: number;
  scenarioId: number;
  scenarioName: string;
  versionId: number;
  versionNumber: number | null;
  userId: number;
  userEmail: string | null;
  triggerEvent: string;
  status: ScenarioRunStatus;
  statusReason: string | null;
  createdAt: Date | string;
  finishedAt: Date | string | null;
}

export function serializeScenarioRun(run: ScenarioRunFields): ScenarioRunJson {
  return {
    id: run.id,
    scenario_id: run.scenarioId,
    scenario_name: run.scenarioName,
    version_id: run.versionId,
    version_number: run.versionNumber,
    user_id: run.userId,
    user_email: run.userEmail,
    trigger_event: run.triggerEvent,
    status: run.status,
    status_reason: run.statusReason,
    created_at: iso(run.createdAt),
    finished_at: isoOrNull(run.finishedAt),
  };
}

export interface ScenarioRunStepFields {
  nodeId: string;
  nodeType: string;
  visit: number;
  viaEdgeId: string | null;
  enteredAt: Date | string;
  finishedAt: Date | string | null;
  outcome: string | null;
  facts: Record<string, unknown>;
}

export function serializeScenarioRunStep(step: ScenarioRunStepFields): ScenarioRunStepJson {
  return {
    node_id: step.nodeId,
    node_type: step.nodeType,
    visit: step.visit,
    via_edge_id: step.viaEdgeId,
    entered_at: iso(step.enteredAt),
    finished_at: isoOrNull(step.finishedAt),
    outcome: step.outcome,
    facts: step.facts,
  };
}

export function serializeScenarioRunListItem(run: ScenarioRunListRow): ScenarioRunListItemJson {
  const node = run.currentNode;
  return {
    ...serializeScenarioRun(run),
    updated_at: iso(run.updatedAt),
    current_node:
      node === null
        ? null
        : {
            id: node.id,
            type: node.type,
            title: node.title,
            entered_at: iso(node.enteredAt),
            finished_at: isoOrNull(node.finishedAt),
          },
  };
}
