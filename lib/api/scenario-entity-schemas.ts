import { z } from "zod";
import { scenarioRunStatus, scenarioStatus } from "@/lib/db/schema";
import { SCENARIO_REENTRY } from "@/lib/scenarios/manage/scenario-schemas";
import { timestampSchema } from "./entity-schemas";

/** Response shapes of the scenarios API (snake_case), shared by the routes, lib/api/scenario-json.ts and OpenAPI. */

/** The graph JSON as stored: structure per `ScenarioGraph` (lib/scenarios/graph.ts); also the import/export format. */
export const scenarioGraphJsonSchema = z
  .object({ nodes: z.array(z.record(z.string(), z.unknown())), edges: z.array(z.record(z.string(), z.unknown())) })
  .meta({ id: "ScenarioGraphJson", description: "`{ nodes: [{ id, type, config, position, openPorts? }], edges: [{ id, from, fromPort, to }] }`" });

export const scenarioJsonSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    status: z.enum(scenarioStatus.enumValues),
    reentry: z.enum(SCENARIO_REENTRY),
    reentry_days: z.number().int().nullable(),
    current_version: z.number().int().nullable().meta({ description: "Number of the version new runs enter." }),
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

export const scenarioRunStepJsonSchema = z
  .object({
    node_id: z.string(),
    node_type: z.string(),
    visit: z.number().int(),
    via_edge_id: z.string().nullable(),
    entered_at: timestampSchema,
    finished_at: timestampSchema.nullable(),
    outcome: z.string().nullable().meta({ description: "The port taken, or cancelled/failed/skipped; null while in progress." }),
    facts: z.record(z.string(), z.unknown()).meta({ description: "What a decision was based on." }),
  })
  .meta({ id: "ScenarioRunStep" });
export type ScenarioRunStepJson = z.infer<typeof scenarioRunStepJsonSchema>;
