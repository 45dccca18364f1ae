import "server-only";
import type { SearchParams } from "@/components/admin/search-params";
import { readChartPeriod } from "@/lib/charts/chart-period";
import { chartWindow } from "@/lib/charts/chart-window";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { getFamilyCodeActivity } from "@/lib/family/admin/get-family-code-activity";
import { countOf, perBucket, sumOf, windowRange } from "./chart-format";
import { PeriodActivityCard } from "./period-activity-card";

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
  const issued = sumOf(data.map((point) => point.issued));
  const activated = sumOf(data.map((point) => point.activated));
  const per = perBucket(window);
  const description = `${countOf(activated, "code")} activated, ${issued} issued, ${windowRange(window)}`;
  return (
    <PeriodActivityCard
      testId="family-code-activity"
      path="/admin/family"
      params={params}
      period={period}
      window={window}
      title={`Family codes activated ${per}`}
      description={description}
      className={className}
      chart={{
        kind: "bar",
        data,
        series: [
          { key: "activated", label: "Activated", color: "brand" },
          { key: "issued", label: "Issued", color: "zinc" },
        ],
        summary: `Family codes ${per}: ${description}.`,
      }}
    />
  );
}
