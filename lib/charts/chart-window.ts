import { DAY_MS } from "@/lib/clock";
import { bucketOf, type ChartBucket, type ChartPeriod } from "./chart-period";

/**
 * The UTC days a chart covers: the `period` days ending today (today included, up to `until`), and how they are
 * grouped. `from` is the first day's midnight: rows from `from` to `until` are counted.
 */
export interface ChartWindow {
  period: ChartPeriod;
  bucket: ChartBucket;
  /** `YYYY-MM-DD` of the first and last (today's) day. */
  firstDay: string;
  lastDay: string;
  from: Date;
  until: Date;
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

export function chartWindow(until: Date, period: ChartPeriod): ChartWindow {
  const today = new Date(`${dayOf(until)}T00:00:00.000Z`);
  const from = new Date(today.getTime() - (period - 1) * DAY_MS);
  return {
    period,
    bucket: bucketOf(period),
    firstDay: dayOf(from),
    lastDay: dayOf(today),
    from,
    until,
  };
}
