import type { ChartBucket } from "@/lib/charts/chart-period";
import type { ChartWindow } from "@/lib/charts/chart-window";
import { CURRENCY, formatMoney } from "@/lib/money";

/** How a chart's values read: cents as money, plain counts, or percentages (0–100). */
export type ChartValueFormat = "money" | "count" | "percent";

const count = new Intl.NumberFormat("en-US");
const compactCount = new Intl.NumberFormat("en-US", {
  notation: "compact",
  maximumFractionDigits: 1,
});
const compactMoney = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: CURRENCY,
  notation: "compact",
  maximumFractionDigits: 1,
});
const wholeMoney = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: CURRENCY,
  maximumFractionDigits: 0,
});

/** A value in full, for tooltips and the data table: "€1,234.56", "1,234", "87.5%"; "—" where there is none. */
export function formatChartValue(value: number | null | undefined, format: ChartValueFormat) {
  if (value === null || value === undefined) return "—";
  if (format === "money") return formatMoney(value);
  if (format === "percent")
    return `${value.toLocaleString("en-US", { maximumFractionDigits: 1 })}%`;
  return count.format(value);
}

/** A value on the Y axis, short: "€12", "€1.2K", "1.5K", "80%". */
export function formatChartTick(value: number, format: ChartValueFormat) {
  if (format === "money") {
    const units = value / 100;
    return Math.abs(units) < 1000 ? wholeMoney.format(units) : compactMoney.format(units);
  }
  if (format === "percent") return `${value}%`;
  return Math.abs(value) < 1000 ? count.format(value) : compactCount.format(value);
}

const date = (day: string) => new Date(`${day}T00:00:00.000Z`);
const shortDay = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  timeZone: "UTC",
});
const longDay = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const fullDay = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

const monthOnly = new Intl.DateTimeFormat("en-US", { month: "short", timeZone: "UTC" });

/** A bucket on the X axis: "Jun 5" for days; "Jun ’26" for weeks (a year of them spans two years). */
export const formatBucketTick = (day: string, bucket: ChartBucket) =>
  bucket === "week"
    ? `${monthOnly.format(date(day))} ’${day.slice(2, 4)}`
    : shortDay.format(date(day));

/** A bucket in a tooltip or table: "Fri, 5 Jun 2026", or "Week of 1 Jun 2026". */
export const formatBucket = (day: string, bucket: ChartBucket) =>
  bucket === "week" ? `Week of ${fullDay.format(date(day))}` : longDay.format(date(day));

/** "1 referral", "2 referrals": `count` with the word in the singular or plural it takes. */
export const countOf = (value: number, singular: string, plural = `${singular}s`) =>
  `${count.format(value)} ${value === 1 ? singular : plural}`;

/** "1 Jun 2026". */
export const formatDay = (day: string) => fullDay.format(date(day));

/** The sum of a chart's values. */
export const sumOf = (values: readonly number[]) =>
  values.reduce((total, value) => total + value, 0);

/** "per week" or "per day", by the window's bucket. */
export const perBucket = (window: ChartWindow) =>
  window.bucket === "week" ? "per week" : "per day";

/** The window's days: "3 Nov 2026 – 2 Dec 2026". */
export const windowRange = (window: ChartWindow) =>
  `${formatDay(window.firstDay)} – ${formatDay(window.lastDay)}`;
