import "server-only";
import { and, eq, gte, sql } from "drizzle-orm";
import type { ChartPoint } from "@/lib/charts/chart-period";
import type { ChartWindow } from "@/lib/charts/chart-window";
import { DAY_MS } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { scenarioReportCounters, scenarios } from "@/lib/db/schema";
import { loadVersionGraph } from "@/lib/scenarios/engine/load-version-graph";
import { nodeSummary } from "@/lib/scenarios/nodes/definitions";
import {
  conversionRate,
  type GroupCounts,
  revenuePerUser,
  twoProportionPValue,
  type Uplift,
  upliftInterval,
} from "./report-statistics";

export interface GroupFigures extends GroupCounts {
  rate: number | null;
  revenuePerUserCents: number | null;
}

export interface VariantFigures extends GroupFigures {
  nodeId: string;
  nodeTitle: string;
  variant: string;
  variantName: string;
  /** This variant's rate minus the holdout's. */
  upliftOverHoldout: Uplift | null;
  /** Against the node's first variant (null for that one): the uplift and the two-sided p-value of the difference. */
  baseline: string | null;
  upliftOverBaseline: Uplift | null;
  pValue: number | null;
}

export interface PathFigures {
  id: string;
  converted: number;
  revenueCents: number;
}

export type ReportPoint = ChartPoint<
  "entered" | "converted" | "holdoutEntered" | "holdoutConverted"
>;

export interface ScenarioReport {
  scenarioId: number;
  conversion: { event: string; windowDays: number } | null;
  holdoutPercent: number;
  treated: GroupFigures;
  holdout: GroupFigures;
  /** Treated rate minus holdout rate, with its 95 % interval. */
  uplift: Uplift | null;
  variants: VariantFigures[];
  /** Conversions of the runs that passed each node / edge. */
  nodes: PathFigures[];
  edges: PathFigures[];
  /** Entries and conversions per UTC day of the window. */
  series: ReportPoint[];
}

interface CounterRow {
  kind: "scenario" | "node" | "edge" | "variant";
  ref: string;
  variant: string;
  holdout: boolean;
  entered: number;
  converted: number;
  revenue: number | string;
}

const figures = (counts: GroupCounts): GroupFigures => ({
  ...counts,
  rate: conversionRate(counts),
  revenuePerUserCents: revenuePerUser(counts),
});

/**
 * A scenario's conversion report, from `scenario_report_counters` alone (a few rows per day, node, edge and variant,
 * however many runs): totals in one grouped query, the window's days in another. Variant and node names come from the
 * current version's graph. Null when the scenario does not exist.
 */
export async function getScenarioReport(
  db: Db,
  options: { scenarioId: number; window: ChartWindow },
): Promise<ScenarioReport | null> {
  const [scenario] = await db
    .select({
      id: scenarios.id,
      conversionEvent: scenarios.conversionEvent,
      conversionWindowDays: scenarios.conversionWindowDays,
      holdoutPercent: scenarios.holdoutPercent,
      currentVersionId: scenarios.currentVersionId,
    })
    .from(scenarios)
    .where(eq(scenarios.id, options.scenarioId));
  if (!scenario) return null;
  const c = scenarioReportCounters;
  const [totals, days, graph] = await Promise.all([
    db
      .select({
        kind: c.kind,
        ref: c.ref,
        variant: c.variant,
        holdout: c.holdout,
        entered: sql<number>`sum(${c.entered})::int`,
        converted: sql<number>`sum(${c.converted})::int`,
        revenue: sql<string>`sum(${c.revenueCents})::bigint`,
      })
      .from(c)
      .where(eq(c.scenarioId, scenario.id))
      .groupBy(c.kind, c.ref, c.variant, c.holdout)
      .then((rows) => rows as CounterRow[]),
    db
      .select({
        day: c.day,
        holdout: c.holdout,
        entered: sql<number>`sum(${c.entered})::int`,
        converted: sql<number>`sum(${c.converted})::int`,
      })
      .from(c)
      .where(
        and(
          eq(c.scenarioId, scenario.id),
          eq(c.kind, "scenario"),
          gte(c.day, options.window.firstDay),
        ),
      )
      .groupBy(c.day, c.holdout),
    scenario.currentVersionId === null ? null : loadVersionGraph(db, scenario.currentVersionId),
  ]);

  const count = (row: CounterRow): GroupCounts => ({
    entered: Number(row.entered),
    converted: Number(row.converted),
    revenueCents: Number(row.revenue),
  });
  const empty: GroupCounts = { entered: 0, converted: 0, revenueCents: 0 };
  const ofScenario = (holdout: boolean) =>
    totals.find((row) => row.kind === "scenario" && row.holdout === holdout);
  const treatedRow = ofScenario(false);
  const holdoutRow = ofScenario(true);
  const treated = treatedRow ? count(treatedRow) : empty;
  const held = holdoutRow ? count(holdoutRow) : empty;

  const nodesById = new Map((graph?.nodes ?? []).map((node) => [node.id, node]));
  const variantName = (nodeId: string, code: string) => {
    const node = nodesById.get(nodeId);
    if (node?.type !== "ab_test") return code;
    return node.config.variants.find((v) => v.code === code)?.name ?? code;
  };
  const variantOrder = (nodeId: string, code: string) => {
    const node = nodesById.get(nodeId);
    const index =
      node?.type === "ab_test" ? node.config.variants.findIndex((v) => v.code === code) : -1;
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  const variantRows = totals
    .filter((row) => row.kind === "variant" && !row.holdout)
    .sort(
      (a, b) =>
        a.ref.localeCompare(b.ref) ||
        variantOrder(a.ref, a.variant) - variantOrder(b.ref, b.variant) ||
        a.variant.localeCompare(b.variant),
    );
  const variants: VariantFigures[] = variantRows.map((row) => {
    const counts = count(row);
    const first = variantRows.find((other) => other.ref === row.ref)!;
    const isBaseline = first === row;
    return {
      ...figures(counts),
      nodeId: row.ref,
      nodeTitle: nodesById.has(row.ref) ? nodeSummary(nodesById.get(row.ref)!) : row.ref,
      variant: row.variant,
      variantName: variantName(row.ref, row.variant),
      upliftOverHoldout: upliftInterval(counts, held),
      baseline: isBaseline ? null : first.variant,
      upliftOverBaseline: isBaseline ? null : upliftInterval(counts, count(first)),
      pValue: isBaseline ? null : twoProportionPValue(counts, count(first)),
    };
  });
  const path = (kind: "node" | "edge"): PathFigures[] =>
    totals
      .filter((row) => row.kind === kind && !row.holdout)
      .map((row) => ({
        id: row.ref,
        converted: Number(row.converted),
        revenueCents: Number(row.revenue),
      }))
      .sort((a, b) => b.converted - a.converted || a.id.localeCompare(b.id));

  return {
    scenarioId: scenario.id,
    conversion:
      scenario.conversionEvent === null || scenario.conversionWindowDays === null
        ? null
        : { event: scenario.conversionEvent, windowDays: scenario.conversionWindowDays },
    holdoutPercent: scenario.holdoutPercent,
    treated: figures(treated),
    holdout: figures(held),
    uplift: upliftInterval(treated, held),
    variants,
    nodes: path("node"),
    edges: path("edge"),
    series: dailySeries(options.window, days),
  };
}

/** Every day of the window, oldest first, with zeros where nothing was counted. */
function dailySeries(
  window: ChartWindow,
  rows: { day: string; holdout: boolean; entered: number; converted: number }[],
): ReportPoint[] {
  const points: ReportPoint[] = [];
  const byDay = new Map<string, ReportPoint>();
  for (
    let at = new Date(`${window.firstDay}T00:00:00.000Z`);
    at.toISOString().slice(0, 10) <= window.lastDay;
    at = new Date(at.getTime() + DAY_MS)
  ) {
    const point = {
      date: at.toISOString().slice(0, 10),
      entered: 0,
      converted: 0,
      holdoutEntered: 0,
      holdoutConverted: 0,
    };
    points.push(point);
    byDay.set(point.date, point);
  }
  for (const row of rows) {
    const point = byDay.get(String(row.day).slice(0, 10));
    if (!point) continue;
    if (row.holdout) {
      point.holdoutEntered += Number(row.entered);
      point.holdoutConverted += Number(row.converted);
    } else {
      point.entered += Number(row.entered);
      point.converted += Number(row.converted);
    }
  }
  return points;
}
