import "server-only";
import type { SearchParams } from "@/components/admin/search-params";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { readChartPeriod } from "@/lib/charts/chart-period";
import { chartWindow } from "@/lib/charts/chart-window";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { getReferralActivity } from "@/lib/referrals/admin/get-referral-activity";
import { countOf, formatDay } from "./chart-format";
import { PeriodSelector } from "./period-selector";
import { TimeSeriesChart } from "./time-series-chart";

const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);

/** Referrals started, completed and rewarded over the period in `?period=`; it loads its own data. */
export async function ReferralActivityCard({
  params,
  className,
}: {
  params: SearchParams;
  className?: string;
}) {
  const period = readChartPeriod(params.period);
  const window = chartWindow(now(), period);
  const data = await getReferralActivity(await getDb(), window);
  const invitations = total(data.map((point) => point.invitations));
  const conversions = total(data.map((point) => point.conversions));
  const rewards = total(data.map((point) => point.rewards));
  const per = window.bucket === "week" ? "per week" : "per day";
  const range = `${formatDay(window.firstDay)} – ${formatDay(window.lastDay)}`;
  const description = `${countOf(invitations, "referral")} started, ${conversions} completed, ${countOf(rewards, "reward")} earned, ${range}`;
  return (
    <Card className={className} data-testid="referral-activity">
      <CardHeader title={`Referral activity ${per}`} description={description} />
      <CardBody>
        <div className="mb-3 flex justify-end">
          <PeriodSelector path="/admin/referrals" params={params} current={period} />
        </div>
        <TimeSeriesChart
          testId="referral-activity-chart"
          kind="line"
          format="count"
          bucket={window.bucket}
          height={200}
          data={data}
          series={[
            { key: "invitations", label: "Referrals started", color: "brand" },
            { key: "conversions", label: "Completed", color: "emerald" },
            { key: "rewards", label: "Rewards earned", color: "amber" },
          ]}
          summary={`Referral activity ${per}: ${description}.`}
        />
      </CardBody>
    </Card>
  );
}
