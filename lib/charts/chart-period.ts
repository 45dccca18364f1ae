/**
 * The periods a chart can show, read from the `period` search parameter (UI-safe: pages and client components use
 * it). Up to 90 days a chart has a point per UTC day; over a year, per week (Monday to Sunday, UTC).
 */
export const CHART_PERIODS = [30, 90, 365] as const;
export type ChartPeriod = (typeof CHART_PERIODS)[number];
export const DEFAULT_CHART_PERIOD: ChartPeriod = 30;

export type ChartBucket = "day" | "week";

export const bucketOf = (period: ChartPeriod): ChartBucket => (period > 90 ? "week" : "day");

/** `?period=90` → 90; anything else is the default period. */
export function readChartPeriod(value: unknown): ChartPeriod {
  const text = Array.isArray(value) ? value[0] : value;
  return CHART_PERIODS.find((period) => String(period) === text) ?? DEFAULT_CHART_PERIOD;
}

/** One point of a chart: its bucket's first day (`YYYY-MM-DD`, UTC) and the values of its series. */
export type ChartPoint<Key extends string, Value = number> = { date: string } & Record<Key, Value>;

/** Any chart's point, as the chart components take it. */
export interface AnyChartPoint {
  date: string;
  [key: string]: string | number | null;
}

/** A point's value for `key`, or null where it has none. */
export const valueOf = (point: AnyChartPoint, key: string): number | null => {
  const value = point[key];
  return typeof value === "number" ? value : null;
};
