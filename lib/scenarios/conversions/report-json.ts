import { z } from "zod";
import type { GroupFigures, ScenarioReport } from "./get-scenario-report";
import type { Uplift } from "./report-statistics";

/** The scenario report in the v1 API's JSON: response schema (OpenAPI) and report → JSON. */

const groupSchema = z
  .object({
    entered: z.number().int(),
    converted: z.number().int(),
    conversion_rate: z.number().nullable().meta({ description: "converted / entered (0–1)." }),
    revenue_cents: z.number().int(),
    revenue_per_user_cents: z.number().nullable(),
  })
  .meta({ id: "ScenarioReportGroup" });

const upliftSchema = z
  .object({
    difference: z.number().meta({ description: "Difference of conversion rates (0–1 scale)." }),
    ci95_low: z.number(),
    ci95_high: z.number(),
  })
  .nullable()
  .meta({
    id: "ScenarioReportUplift",
    description: "Two-proportion z interval (unpooled SE); null when a group is empty.",
  });

export const scenarioReportJsonSchema = z
  .object({
    scenario_id: z.number().int(),
    conversion: z.object({ event: z.string(), window_days: z.number().int() }).nullable(),
    holdout_percent: z.number().int(),
    treated: groupSchema,
    holdout: groupSchema,
    uplift: upliftSchema.meta({ description: "Treated minus holdout." }),
    variants: z.array(
      groupSchema.extend({
        node_id: z.string(),
        variant: z.string(),
        variant_name: z.string(),
        uplift_over_holdout: upliftSchema,
        baseline_variant: z
          .string()
          .nullable()
          .meta({ description: "The node's first variant, compared against (null for that one)." }),
        uplift_over_baseline: upliftSchema,
        p_value: z.number().nullable().meta({
          description: "Two-sided two-proportion z-test of this variant against the baseline.",
        }),
      }),
    ),
    nodes: z.array(
      z.object({
        node_id: z.string(),
        converted: z.number().int(),
        revenue_cents: z.number().int(),
      }),
    ),
    edges: z.array(
      z.object({
        edge_id: z.string(),
        converted: z.number().int(),
        revenue_cents: z.number().int(),
      }),
    ),
    series: z.array(
      z.object({
        date: z.string().meta({ description: "UTC day, YYYY-MM-DD." }),
        entered: z.number().int(),
        converted: z.number().int(),
        holdout_entered: z.number().int(),
        holdout_converted: z.number().int(),
      }),
    ),
  })
  .meta({ id: "ScenarioReport" });
export type ScenarioReportJson = z.infer<typeof scenarioReportJsonSchema>;

const group = (g: GroupFigures) => ({
  entered: g.entered,
  converted: g.converted,
  conversion_rate: g.rate,
  revenue_cents: g.revenueCents,
  revenue_per_user_cents: g.revenuePerUserCents,
});
const uplift = (u: Uplift | null) =>
  u === null ? null : { difference: u.difference, ci95_low: u.low, ci95_high: u.high };

export function serializeScenarioReport(report: ScenarioReport): ScenarioReportJson {
  return {
    scenario_id: report.scenarioId,
    conversion: report.conversion && {
      event: report.conversion.event,
      window_days: report.conversion.windowDays,
    },
    holdout_percent: report.holdoutPercent,
    treated: group(report.treated),
    holdout: group(report.holdout),
    uplift: uplift(report.uplift),
    variants: report.variants.map((v) => ({
      ...group(v),
      node_id: v.nodeId,
      variant: v.variant,
      variant_name: v.variantName,
      uplift_over_holdout: uplift(v.upliftOverHoldout),
      baseline_variant: v.baseline,
      uplift_over_baseline: uplift(v.upliftOverBaseline),
      p_value: v.pValue,
    })),
    nodes: report.nodes.map((n) => ({
      node_id: n.id,
      converted: n.converted,
      revenue_cents: n.revenueCents,
    })),
    edges: report.edges.map((e) => ({
      edge_id: e.id,
      converted: e.converted,
      revenue_cents: e.revenueCents,
    })),
    series: report.series.map((p) => ({
      date: p.date,
      entered: p.entered,
      converted: p.converted,
      holdout_entered: p.holdoutEntered,
      holdout_converted: p.holdoutConverted,
    })),
  };
}
