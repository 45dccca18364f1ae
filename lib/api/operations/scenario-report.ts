import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/define-operation";
import { SCENARIOS_AUTH, withPathParams } from "@/lib/api/scenario-route-params";
import { CHART_PERIODS } from "@/lib/charts/chart-period";
import { scenarioReportJsonSchema } from "@/lib/scenarios/conversions/report-json";

export const scenarioReportQuerySchema = z.strictObject({
  days: z
    .enum(CHART_PERIODS.map(String) as [string, ...string[]])
    .transform(Number)
    .optional()
    .meta({
      description: "Days the `series` covers, ending today (UTC): 30 (default), 90 or 365.",
    }),
});

export const getScenarioReportOperation = withPathParams(
  defineOperation({
    operationId: "getScenarioReport",
    summary: "Conversions of a scenario against its holdout, per A/B variant, node and edge",
    description:
      "All-time totals of runs entered and converted (the scenario's conversion event within its window after " +
      "entry), revenue (the event's `amount_cents`), the uplift over the holdout with a 95 % confidence interval, " +
      "per A/B variant the same with the p-value against the node's first variant, and entries and conversions " +
      "per day.",
    tags: ["Scenarios"],
    auth: SCENARIOS_AUTH,
    query: scenarioReportQuerySchema,
    responses: {
      "200": { description: "The report.", content: jsonContent(scenarioReportJsonSchema) },
    },
    errors: { 404: ["scenario_not_found"] },
  }),
);
