import "server-only";
import type { SearchParams } from "@/components/admin/search-params";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { readChartPeriod } from "@/lib/charts/chart-period";
import { chartWindow } from "@/lib/charts/chart-window";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { getFamilyCodeActivity } from "@/lib/family/admin/get-family-code-activity";
import { countOf, formatDay } from "./chart-format";
import { PeriodSelector } from "./period-selector";
import { TimeSeriesChart } from "./time-series-chart";

const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);

/** Family codes issued and activated over the period in `?period=`; it loads its own data. */
export async function FamilyCodeActivityCard({
  params,
  className,
}: {
  params: SearchParams;
  className?: string;
}) {
  const period = readChartPeriod(params.period);
  const window = chartWindow(now(), period);
  const data = await getFamilyCodeActivity(await getDb(), window);
  const issued = total(data.map((point) => point.issued));
  const activated = total(data.map((point) => point.activated));
  const per = window.bucket === "week" ? "per week" : "per day";
  const range = `${formatDay(window.firstDay)} – ${formatDay(window.lastDay)}`;
  const description = `${countOf(activated, "code")} activated, ${issued} issued, ${range}`;
  return (
    <Card className={className} data-testid="family-code-activity">
      <CardHeader title={`Family codes activated ${per}`} description={description} />
      <CardBody>
        <div className="mb-3 flex justify-end">
          <PeriodSelector path="/admin/family" params={params} current={period} />
        </div>
        <TimeSeriesChart
          testId="family-code-activity-chart"
          kind="bar"
          format="count"
          bucket={window.bucket}
          height={200}
          data={data}
          series={[
            { key: "activated", label: "Activated", color: "brand" },
            { key: "issued", label: "Issued", color: "zinc" },
          ]}
          summary={`Family codes ${per}: ${description}.`}
        />
      </CardBody>
    </Card>
  );
}
