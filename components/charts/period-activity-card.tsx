import "server-only";
import type { SearchParams } from "@/components/admin/search-params";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { ChartPeriod } from "@/lib/charts/chart-period";
import type { ChartWindow } from "@/lib/charts/chart-window";
import { PeriodSelector } from "./period-selector";
import { TimeSeriesChart, type TimeSeriesChartProps } from "./time-series-chart";

/**
 * A list page's activity chart: a card with its own period selector (`?period=` on `path`) over counts per day or
 * week (the family and referral pages).
 */
export function PeriodActivityCard({
  testId,
  path,
  params,
  period,
  window,
  title,
  description,
  className,
  chart,
}: {
  testId: string;
  path: string;
  params: SearchParams;
  period: ChartPeriod;
  window: ChartWindow;
  title: string;
  description: string;
  className?: string;
  chart: Pick<TimeSeriesChartProps, "kind" | "data" | "series" | "summary">;
}) {
  return (
    <Card className={className} data-testid={testId}>
      <CardHeader title={title} description={description} />
      <CardBody>
        <div className="mb-3 flex justify-end">
          <PeriodSelector path={path} params={params} current={period} />
        </div>
        <TimeSeriesChart
          testId={`${testId}-chart`}
          format="count"
          bucket={window.bucket}
          height={200}
          {...chart}
        />
      </CardBody>
    </Card>
  );
}
