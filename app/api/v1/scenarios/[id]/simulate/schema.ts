import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { idInputSchema } from "@/lib/api/request-schemas";
import { SCENARIOS_AUTH, withPathParams } from "@/lib/api/scenario-route-params";

export const simulateScenarioBodySchema = z
  .strictObject({
    user_id: idInputSchema,
    version: z
      .union([z.number().int().positive(), z.enum(["draft", "current"])])
      .optional()
      .meta({ description: "A version number, `draft` or `current` (default)." }),
    trigger: z
      .strictObject({
        event: z.string().min(1).max(120),
        payload: z.record(z.string(), z.unknown()).optional(),
      })
      .optional()
      .meta({ description: "The event to pretend started the run; the graph's trigger with an empty payload when absent." }),
  })
  .meta({ id: "SimulateScenarioRequest" });

export const simulationResponseSchema = z
  .object({
    simulation: z.object({
      version_number: z.number().int().nullable().meta({ description: "Null when the draft was simulated." }),
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
    summary: "Predict the path a user would take now, with the facts of each decision (no side effects)",
    tags: ["Scenarios"],
    auth: SCENARIOS_AUTH,
    body: simulateScenarioBodySchema,
    responses: { "200": { description: "The predicted steps in order.", content: jsonContent(simulationResponseSchema) } },
    errors: {
      400: ["user_not_found", "scenario_trigger_not_found", "scenario_graph_invalid"],
      404: ["scenario_not_found", "scenario_version_not_found"],
    },
  }),
);
