"use client";

import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type DotItemDotProps,
} from "recharts";
import { valueOf, type AnyChartPoint, type ChartBucket } from "@/lib/charts/chart-period";
import { AXIS_TEXT_COLOR, CHART_COLORS, GRID_COLOR, type ChartColor } from "./chart-colors";
import { ChartDataTable, type TableColumn } from "./chart-data-table";
import { ChartEmpty } from "./chart-empty";
import {
  formatBucket,
  formatBucketTick,
  formatChartTick,
  formatChartValue,
  type ChartValueFormat,
} from "./chart-format";

export interface ChartSeries {
  key: string;
  label: string;
  color?: ChartColor;
}

export interface TimeSeriesChartProps {
  /** One point per bucket, oldest first, every bucket of the period present (zero when nothing happened). */
  data: readonly AnyChartPoint[];
  series: readonly ChartSeries[];
  kind: "bar" | "line" | "area";
  /** Bars or areas on top of each other (their sum is the total). */
  stacked?: boolean;
  format: ChartValueFormat;
  bucket: ChartBucket;
  /** What the chart shows, read out by screen readers: the figure's label and its data table's caption. */
  summary: string;
  /** Values shown in the tooltip and the table but not drawn ("12 of 15 charges"). */
  details?: readonly TableColumn[];
  /** A fixed value range (percentages: [0, 100]); by default from zero to the data's maximum. */
  yDomain?: [number, number];
  height?: number;
  testId?: string;
}

/** Lines get a dot per non-zero point while there are few enough to tell apart. */
const MAX_POINTS_WITH_DOTS = 120;

/**
 * A chart over time: bars, lines or areas per bucket, with a date axis, a value axis in the chart's format, a tooltip
 * with every value of the hovered bucket, a legend when there are several series, an empty state when the period
 * holds nothing, and the numbers as a visually hidden table.
 */
export function TimeSeriesChart({
  data,
  series,
  kind,
  stacked = false,
  format,
  bucket,
  summary,
  details = [],
  yDomain,
  height = 220,
  testId,
}: TimeSeriesChartProps) {
  const empty = data.every((point) => series.every((s) => !valueOf(point, s.key)));
  const colorOf = (s: ChartSeries, i: number) =>
    CHART_COLORS[s.color ?? (Object.keys(CHART_COLORS)[i] as ChartColor)];
  const byDate = new Map(data.map((point) => [point.date, point]));
  const columns: TableColumn[] = [
    ...series.map((s) => ({ key: s.key, label: s.label, format })),
    ...details,
  ];

  return (
    <figure aria-label={summary} data-testid={testId} data-empty={empty ? "true" : undefined}>
      {series.length > 1 ? (
        <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600" aria-hidden>
          {series.map((s, i) => (
            <li key={s.key} className="flex items-center gap-1.5">
              <span className="size-2.5 rounded-sm" style={{ backgroundColor: colorOf(s, i) }} />
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="relative min-w-0 overflow-hidden" style={{ height }}>
        <div aria-hidden className="h-full" data-testid="chart-plot">
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
            <ComposedChart
              data={data as AnyChartPoint[]}
              margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
              barCategoryGap={data.length > 60 ? 1 : "20%"}
              accessibilityLayer={false}
            >
              <CartesianGrid vertical={false} stroke={GRID_COLOR} />
              <XAxis
                dataKey="date"
                tickFormatter={(day: string) => formatBucketTick(day, bucket)}
                tick={{ fontSize: 11, fill: AXIS_TEXT_COLOR }}
                tickLine={false}
                axisLine={{ stroke: GRID_COLOR }}
                minTickGap={24}
                interval="preserveStartEnd"
              />
              <YAxis
                tickFormatter={(value: number) => formatChartTick(value, format)}
                tick={empty ? false : { fontSize: 11, fill: AXIS_TEXT_COLOR }}
                tickLine={false}
                axisLine={false}
                width={format === "money" ? 60 : 44}
                allowDecimals={format !== "count"}
                domain={empty ? [0, 1] : (yDomain ?? [0, "auto"])}
              />
              <Tooltip
                active={empty ? false : undefined}
                cursor={
                  kind === "bar" ? { fill: "oklch(0.967 0.001 286.375)" } : { stroke: GRID_COLOR }
                }
                isAnimationActive={false}
                content={({ active, label }) => {
                  const point = active ? byDate.get(String(label)) : undefined;
                  if (!point) return null;
                  return (
                    <div className="rounded-md border border-zinc-200 bg-white px-3 py-2 text-xs shadow-md">
                      <p className="mb-1 font-medium text-zinc-900">
                        {formatBucket(point.date, bucket)}
                      </p>
                      {series.map((s, i) => (
                        <p
                          key={s.key}
                          className="flex items-center justify-between gap-4 text-zinc-600"
                        >
                          <span className="flex items-center gap-1.5">
                            <span
                              className="size-2 rounded-sm"
                              style={{ backgroundColor: colorOf(s, i) }}
                            />
                            {s.label}
                          </span>
                          <span className="font-medium text-zinc-900 tabular-nums">
                            {formatChartValue(valueOf(point, s.key), format)}
                          </span>
                        </p>
                      ))}
                      {details.map((detail) => (
                        <p key={detail.key} className="flex justify-between gap-4 text-zinc-500">
                          <span>{detail.label}</span>
                          <span className="tabular-nums">
                            {formatChartValue(valueOf(point, detail.key), detail.format)}
                          </span>
                        </p>
                      ))}
                    </div>
                  );
                }}
              />
              {series.map((s, i) => {
                const color = colorOf(s, i);
                const common = {
                  dataKey: s.key,
                  name: s.label,
                  isAnimationActive: false,
                  stackId: stacked ? "stack" : undefined,
                };
                if (kind === "bar")
                  return (
                    <Bar
                      {...common}
                      key={s.key}
                      fill={color}
                      radius={stacked && i < series.length - 1 ? 0 : [2, 2, 0, 0]}
                      maxBarSize={32}
                    />
                  );
                if (kind === "area")
                  return (
                    <Area
                      {...common}
                      key={s.key}
                      type="linear"
                      stroke={color}
                      strokeWidth={2}
                      fill={color}
                      fillOpacity={0.12}
                      dot={false}
                    />
                  );
                return (
                  <Line
                    {...common}
                    key={s.key}
                    type="linear"
                    stroke={color}
                    strokeWidth={2}
                    connectNulls
                    dot={
                      data.length <= MAX_POINTS_WITH_DOTS
                        ? (props: DotItemDotProps) =>
                            // A dot where something happened; zeros stay a plain line.
                            props.value ? (
                              <circle
                                key={props.index}
                                cx={props.cx}
                                cy={props.cy}
                                r={2.5}
                                fill={color}
                              />
                            ) : (
                              <g key={props.index} />
                            )
                        : false
                    }
                    activeDot={{ r: 4 }}
                  />
                );
              })}
            </ComposedChart>
          </ResponsiveContainer>
        </div>
        {empty ? <ChartEmpty /> : null}
      </div>
      <ChartDataTable caption={summary} data={data} columns={columns} bucket={bucket} />
    </figure>
  );
}
