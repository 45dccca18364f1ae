import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { SCENARIOS_AUTH, withPathParams } from "@/lib/api/scenario-route-params";

export const scenarioStatsQuerySchema = z.strictObject({
  version: z.coerce.number().int().positive().optional().meta({ description: "A version number; all versions when absent." }),
});

const countsByOutcome = z.record(z.string(), z.number().int()).meta({ description: "Visits per outcome (port taken)." });

export const scenarioStatsResponseSchema = z
  .object({
    version: z.number().int().nullable(),
    stats: z.object({
      nodes: z.record(z.string(), z.object({ last_24h: countsByOutcome, last_30d: countsByOutcome })),
      edges: z.record(z.string(), z.object({ last_24h: z.number().int(), last_30d: z.number().int() })),
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
    responses: { "200": { description: "Counts keyed by node id and edge id.", content: jsonContent(scenarioStatsResponseSchema) } },
    errors: { 404: ["scenario_not_found", "scenario_version_not_found"] },
  }),
);
