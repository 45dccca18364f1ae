import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { SCENARIOS_AUTH } from "@/lib/api/scenario-route-params";

const jsonSchema = z.record(z.string(), z.unknown()).meta({ description: "A JSON Schema (draft 2020-12)." });

export const scenarioRegistrySchema = z
  .object({
    node_types: z.array(
      z.object({ type: z.string(), group: z.enum(["trigger", "condition", "action", "operation"]), label: z.string(), description: z.string() }),
    ),
    triggers: z.array(
      z.object({
        event: z.string().meta({ description: "Event name, or `before:<trigger>` for before-event nodes. Any `custom.*` name is a trigger too." }),
        label: z.string(),
        description: z.string(),
        provides: z.array(z.string()).meta({ description: "Data the trigger carries: criteria that need it are allowed." }),
      }),
    ),
    criteria: z.array(
      z.object({
        kind: z.enum(["user", "payment", "subscription", "trigger"]),
        key: z.string(),
        label: z.string(),
        operators: z.array(z.object({ op: z.string(), label: z.string() })),
        value_input: z
          .union([z.string(), z.object({ options: z.array(z.string()) })])
          .meta({ description: "How a form asks for the value: text, number, money (cents), date, days, boolean, content_access, subscription_type, or one of options." }),
        value_schema: jsonSchema,
        requires: z.string().nullable(),
      }),
    ),
    actions: z.array(z.object({ code: z.string(), label: z.string(), description: z.string(), params_schema: jsonSchema })),
  })
  .meta({ id: "ScenarioRegistry" });

export const getScenarioRegistryOperation = defineOperation({
  operationId: "getScenarioRegistry",
  summary: "What a scenario graph can use",
  description: "Node types, trigger events, criteria (operators and value schema) and generic actions (params schema).",
  tags: ["Scenarios"],
  auth: SCENARIOS_AUTH,
  responses: { "200": { description: "The registries.", content: jsonContent(scenarioRegistrySchema) } },
});
