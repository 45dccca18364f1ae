import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { ChartWindow } from "@/lib/charts/chart-window";
import type { MrrPoint } from "@/lib/dashboard/get-mrr-series";
import type { RenewalRatePoint } from "@/lib/dashboard/get-renewal-rate-series";
import type { RevenuePoint } from "@/lib/dashboard/get-revenue-series";
import type { SubscriptionFlowPoint } from "@/lib/dashboard/get-subscription-flow-series";
import { MRR_DEFINITION } from "@/lib/dashboard/mrr-definition";
import { formatMoney } from "@/lib/money";
import {
  countOf,
  formatChartValue,
  formatDay,
  perBucket,
  sumOf,
  windowRange,
} from "./chart-format";
import { TimeSeriesChart } from "./time-series-chart";

export function RevenueChartCard({ window, data }: { window: ChartWindow; data: RevenuePoint[] }) {
  const total = sumOf(data.map((point) => point.revenueCents));
  const count = sumOf(data.map((point) => point.payments));
  return (
    <Card>
      <CardHeader
        title={`Revenue ${perBucket(window)}`}
        description={`${formatMoney(total)} from ${countOf(count, "paid payment")}, ${windowRange(window)}`}
      />
      <CardBody>
        <TimeSeriesChart
          testId="revenue-chart"
          kind="bar"
          format="money"
          bucket={window.bucket}
          data={data}
          series={[{ key: "revenueCents", label: "Revenue", color: "brand" }]}
          details={[{ key: "payments", label: "Paid payments", format: "count" }]}
          summary={`Paid revenue ${perBucket(window)}, ${windowRange(window)}: ${formatMoney(total)} in total.`}
        />
      </CardBody>
    </Card>
  );
}

export function MrrChartCard({ window, data }: { window: ChartWindow; data: MrrPoint[] }) {
  const first = data[0]?.mrrCents ?? 0;
  const last = data.at(-1)?.mrrCents ?? 0;
  const change = last - first;
  return (
    <Card>
      <CardHeader
        title="MRR"
        description={`${formatMoney(last)} now · ${change >= 0 ? "+" : "−"}${formatMoney(Math.abs(change))} since ${formatDay(window.firstDay)}`}
      />
      <CardBody>
        <TimeSeriesChart
          testId="mrr-chart"
          kind="area"
          format="money"
          bucket="day"
          data={data}
          series={[{ key: "mrrCents", label: "MRR", color: "brand" }]}
          summary={`Monthly recurring revenue at the end of each day, ${windowRange(window)}: ${formatMoney(first)} at the start, ${formatMoney(last)} now.`}
        />
        <p className="mt-3 text-xs text-zinc-500" data-testid="mrr-definition">
          {MRR_DEFINITION}
        </p>
      </CardBody>
    </Card>
  );
}

export function SubscriptionFlowChartCard({
  window,
  data,
}: {
  window: ChartWindow;
  data: SubscriptionFlowPoint[];
}) {
  const started = sumOf(data.map((point) => point.started));
  const churned = sumOf(data.map((point) => point.churned));
  return (
    <Card>
      <CardHeader
        title={`New and churned subscriptions ${perBucket(window)}`}
        description={`${formatChartValue(started, "count")} new, ${formatChartValue(churned, "count")} churned, ${windowRange(window)}`}
      />
      <CardBody>
        <TimeSeriesChart
          testId="subscription-flow-chart"
          kind="bar"
          format="count"
          bucket={window.bucket}
          data={data}
          series={[
            { key: "started", label: "New", color: "emerald" },
            { key: "churned", label: "Churned", color: "rose" },
          ]}
          summary={`New and churned subscriptions ${perBucket(window)}, ${windowRange(window)}: ${started} new, ${churned} churned.`}
        />
        <p className="mt-3 text-xs text-zinc-500">
          New: a customer without access got a subscription. Churned: a subscription ended and no
          other subscription of the customer continued it. Renewals and upgrades are neither.
        </p>
      </CardBody>
    </Card>
  );
}

export function RenewalRateChartCard({
  window,
  data,
}: {
  window: ChartWindow;
  data: RenewalRatePoint[];
}) {
  const paid = sumOf(data.map((point) => point.paid));
  const attempted = sumOf(data.map((point) => point.attempted));
  const rate = attempted === 0 ? null : Math.round((paid / attempted) * 1000) / 10;
  const description =
    rate === null
      ? `No renewal charges settled, ${windowRange(window)}`
      : `${formatChartValue(rate, "percent")} of ${countOf(attempted, "renewal charge")} paid, ${windowRange(window)}`;
  return (
    <Card>
      <CardHeader title={`Renewal success ${perBucket(window)}`} description={description} />
      <CardBody>
        <TimeSeriesChart
          testId="renewal-rate-chart"
          kind="line"
          format="percent"
          bucket={window.bucket}
          yDomain={[0, 100]}
          data={data}
          series={[{ key: "ratePercent", label: "Paid", color: "sky" }]}
          details={[
            { key: "paid", label: "Charges paid", format: "count" },
            { key: "attempted", label: "Charges attempted", format: "count" },
          ]}
          summary={`Share of renewal charges paid ${perBucket(window)}, ${windowRange(window)}. ${description}.`}
        />
      </CardBody>
    </Card>
  );
}
