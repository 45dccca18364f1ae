import { valueOf, type AnyChartPoint, type ChartBucket } from "@/lib/charts/chart-period";
import { formatBucket, formatChartValue, type ChartValueFormat } from "./chart-format";

export interface TableColumn {
  key: string;
  label: string;
  format: ChartValueFormat;
}

/**
 * The chart's numbers as a table for screen readers, visually hidden. The wrapper is what is hidden: a table is as
 * wide as its cells whatever its own width, and would widen the page.
 */
export function ChartDataTable({
  caption,
  data,
  columns,
  bucket,
}: {
  caption: string;
  data: readonly AnyChartPoint[];
  columns: readonly TableColumn[];
  bucket: ChartBucket;
}) {
  return (
    <div className="sr-only">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{bucket === "week" ? "Week" : "Day"}</th>
            {columns.map((column) => (
              <th key={column.key} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.map((point) => (
            <tr key={point.date}>
              <th scope="row">{formatBucket(point.date, bucket)}</th>
              {columns.map((column) => (
                <td key={column.key}>
                  {formatChartValue(valueOf(point, column.key), column.format)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
