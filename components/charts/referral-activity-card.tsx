import "server-only";
import type { SearchParams } from "@/components/admin/search-params";
import { readChartPeriod } from "@/lib/charts/chart-period";
import { chartWindow } from "@/lib/charts/chart-window";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { getReferralActivity } from "@/lib/referrals/admin/get-referral-activity";
import { countOf, perBucket, sumOf, windowRange } from "./chart-format";
import { PeriodActivityCard } from "./period-activity-card";

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
  const invitations = sumOf(data.map((point) => point.invitations));
  const conversions = sumOf(data.map((point) => point.conversions));
  const rewards = sumOf(data.map((point) => point.rewards));
  const per = perBucket(window);
  const description = `${countOf(invitations, "referral")} started, ${conversions} completed, ${countOf(rewards, "reward")} earned, ${windowRange(window)}`;
  return (
    <PeriodActivityCard
      testId="referral-activity"
      path="/admin/referrals"
      params={params}
      period={period}
      window={window}
      title={`Referral activity ${per}`}
      description={description}
      className={className}
      chart={{
        kind: "line",
        data,
        series: [
          { key: "invitations", label: "Referrals started", color: "brand" },
          { key: "conversions", label: "Completed", color: "emerald" },
          { key: "rewards", label: "Rewards earned", color: "amber" },
        ],
        summary: `Referral activity ${per}: ${description}.`,
      }}
    />
  );
}
