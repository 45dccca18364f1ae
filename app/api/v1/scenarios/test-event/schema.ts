import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { idInputSchema } from "@/lib/api/request-schemas";
import { SCENARIOS_AUTH } from "@/lib/api/scenario-route-params";

export const fireScenarioTestBodySchema = z
  .strictObject({
    user_id: idInputSchema,
    payload: z.record(z.string(), z.unknown()).optional().meta({ description: "Carried on the event for conditions to read." }),
  })
  .meta({ id: "FireScenarioTestRequest" });

export const scenarioTestEventResponseSchema = z
  .object({ event_id: z.string().meta({ description: "Id of the recorded `scenario.test` event." }) })
  .meta({ id: "ScenarioTestEvent" });

export const fireScenarioTestOperation = defineOperation({
  operationId: "fireScenarioTest",
  summary: "Fire `scenario.test` for a user",
  description: "Enabled scenarios triggered by `scenario.test` start a run for the user, as for any other event.",
  tags: ["Scenarios"],
  auth: SCENARIOS_AUTH,
  body: fireScenarioTestBodySchema,
  responses: { "202": { description: "Recorded.", content: jsonContent(scenarioTestEventResponseSchema) } },
  errors: { 400: ["user_not_found"] },
});
