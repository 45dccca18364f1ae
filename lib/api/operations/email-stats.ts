import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/define-operation";
import { timestampInputSchema } from "@/lib/api/request-schemas";
import { SCENARIOS_AUTH, withPathParams } from "@/lib/api/scenario-route-params";
import { emailStatsJsonSchema } from "@/lib/email/stats/email-stats-json";

export const emailStatsQuerySchema = z.strictObject({
  since: timestampInputSchema
    .optional()
    .meta({ description: "Only emails logged from this moment on; all of them when absent." }),
});

export const scenarioEmailStatsResponseSchema = z
  .object({
    nodes: z.record(z.string(), emailStatsJsonSchema).meta({
      description: "Per email node id; a node that has sent or skipped nothing is absent.",
    }),
  })
  .meta({ id: "ScenarioEmailStats" });

export const getScenarioEmailStatsOperation = withPathParams(
  defineOperation({
    operationId: "getScenarioEmailStats",
    summary: "What each email node of a scenario sent, skipped, and its readers did",
    description:
      "Per email node (all versions): emails sent, failed and skipped by reason, and how many were delivered, " +
      "opened, clicked, unsubscribed from, bounced or reported as spam (each email counted once).",
    tags: ["Scenarios"],
    auth: SCENARIOS_AUTH,
    query: emailStatsQuerySchema,
    responses: {
      "200": {
        description: "Counts keyed by node id.",
        content: jsonContent(scenarioEmailStatsResponseSchema),
      },
    },
    errors: { 404: ["scenario_not_found"] },
  }),
);

export const emailTemplateStatsResponseSchema = z
  .object({
    template: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
    stats: emailStatsJsonSchema,
  })
  .meta({ id: "EmailTemplateStats" });

const templateStatsOperation = defineOperation({
  operationId: "getEmailTemplateStats",
  summary: "What a template's emails did",
  description:
    "Emails of the template from every sender (scenarios, functions, tests): sent, failed, skipped by reason, " +
    "delivered, opened, clicked, unsubscribed from, bounced, reported as spam. Mail is counted by the template's " +
    "code, as logged.",
  tags: ["Email"],
  auth: { token: "api", scope: "automation:read" },
  query: emailStatsQuerySchema,
  responses: {
    "200": { description: "The counts.", content: jsonContent(emailTemplateStatsResponseSchema) },
  },
  errors: { 404: ["email_template_not_found"] },
});

export const getEmailTemplateStatsOperation = {
  ...templateStatsOperation,
  requestParams: {
    ...templateStatsOperation.requestParams,
    path: z.object({ id: z.string().meta({ description: "The template id." }) }),
  },
};
