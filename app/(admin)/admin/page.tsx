import type { Metadata } from "next";
import Link from "next/link";
import type { SearchParams } from "@/components/admin/search-params";
import { PaymentStatusBadge } from "@/components/billing/badges";
import {
  MrrChartCard,
  RenewalRateChartCard,
  RevenueChartCard,
  SubscriptionFlowChartCard,
} from "@/components/charts/dashboard-chart-cards";
import { PeriodSelector } from "@/components/charts/period-selector";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { readChartPeriod } from "@/lib/charts/chart-period";
import { chartWindow } from "@/lib/charts/chart-window";
import { now } from "@/lib/clock";
import { getDashboardStats } from "@/lib/dashboard/get-dashboard-stats";
import { getMrrSeries } from "@/lib/dashboard/get-mrr-series";
import { getRenewalRateSeries } from "@/lib/dashboard/get-renewal-rate-series";
import { getRevenueSeries } from "@/lib/dashboard/get-revenue-series";
import { getSubscriptionFlowSeries } from "@/lib/dashboard/get-subscription-flow-series";
import { getDb } from "@/lib/db";
import { formatMoney } from "@/lib/money";
import { listPayments } from "@/lib/payments/list-payments";

export const metadata: Metadata = { title: "Dashboard" };

const RECENT_PAYMENTS = 8;

interface Tile {
  label: string;
  value: string;
  sub?: string;
  href: string;
  testId: string;
}

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const staff = await requireStaffPage("/admin", "dashboard.read");
  // Revenue and payments are billing's: a role without billing.read sees the customer figures only.
  const seesBilling = can(staff.role, "billing.read");
  const params = await searchParams;
  const period = readChartPeriod(params.period);
  const window = chartWindow(now(), period);
  const db = await getDb();
  const [stats, recent, flow, billing] = await Promise.all([
    getDashboardStats(db),
    seesBilling ? listPayments(db, { limit: RECENT_PAYMENTS, offset: 0 }) : null,
    getSubscriptionFlowSeries(db, window),
    seesBilling
      ? Promise.all([
          getRevenueSeries(db, window),
          getMrrSeries(db, window),
          getRenewalRateSeries(db, window),
        ])
      : null,
  ]);
  const customerTiles: Tile[] = [
    {
      label: "Users",
      value: stats.users.toLocaleString("en-US"),
      href: "/admin/users",
      testId: "stat-users",
    },
    {
      label: "Actual subscriptions",
      value: stats.actualSubscriptions.toLocaleString("en-US"),
      href: "/admin/subscriptions?state=actual",
      testId: "stat-subscriptions",
    },
  ];
  const billingTiles: Tile[] = [
    {
      label: "Paid payments, 30 days",
      value: stats.paidPayments.toLocaleString("en-US"),
      sub: formatMoney(stats.revenueCents),
      href: "/admin/payments?status=paid",
      testId: "stat-payments",
    },
    {
      label: "Active recurrent payments",
      value: stats.activeRecurrentPayments.toLocaleString("en-US"),
      href: "/admin/recurrent-payments?state=active",
      testId: "stat-recurrent",
    },
  ];
  const tiles = seesBilling ? [...customerTiles, ...billingTiles] : customerTiles;

  return (
    <>
      <PageHeader
        title="Dashboard"
        description="The subscription business at a glance. Charts in UTC days (weeks over a year)."
        actions={<PeriodSelector path="/admin" params={params} current={period} />}
      />
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        {tiles.map((tile) => (
          <Link
            key={tile.label}
            href={tile.href}
            className="rounded-lg border border-zinc-200 bg-white px-5 py-4 shadow-xs transition-colors hover:border-brand-500/40"
            data-testid={tile.testId}
          >
            <p className="text-xs font-medium text-zinc-500">{tile.label}</p>
            <p className="mt-1.5 text-2xl font-semibold tracking-tight text-zinc-900 tabular-nums">
              {tile.value}
            </p>
            <p className="mt-0.5 h-4 text-xs text-zinc-500">
              {tile.sub ? `${tile.sub} revenue` : ""}
            </p>
          </Link>
        ))}
      </div>

      <div className="mt-6 grid gap-6 xl:grid-cols-2" data-testid="dashboard-charts">
        {billing ? (
          <>
            <RevenueChartCard window={window} data={billing[0]} />
            <MrrChartCard window={window} data={billing[1]} />
          </>
        ) : null}
        <SubscriptionFlowChartCard window={window} data={flow} />
        {billing ? <RenewalRateChartCard window={window} data={billing[2]} /> : null}
      </div>

      {recent ? (
        <>
          <Card className="mt-6">
            <CardHeader
              title="Recent payments"
              actions={
                <Link
                  href="/admin/payments"
                  className="text-sm font-medium text-brand-700 hover:underline"
                >
                  All payments →
                </Link>
              }
            />
            {recent.rows.length === 0 ? (
              <EmptyState title="No payments yet" />
            ) : (
              <Table>
                <THead>
                  <Tr>
                    <Th>User</Th>
                    <Th>Items</Th>
                    <Th>Status</Th>
                    <Th>Created</Th>
                    <Th className="text-right">Amount</Th>
                  </Tr>
                </THead>
                <TBody>
                  {recent.rows.map((payment) => (
                    <Tr key={payment.id}>
                      <Td>
                        <Link
                          href={`/admin/users/${payment.userId}`}
                          className="font-medium text-brand-700 hover:underline"
                        >
                          {payment.userEmail}
                        </Link>
                      </Td>
                      <Td>{payment.items.map((item) => item.name).join(", ") || "—"}</Td>
                      <Td>
                        <PaymentStatusBadge status={payment.status} />
                      </Td>
                      <Td className="whitespace-nowrap">
                        <Time value={payment.createdAt} />
                      </Td>
                      <Td className="text-right font-medium tabular-nums">
                        {formatMoney(payment.amountCents)}
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
          </Card>
        </>
      ) : null}
    </>
  );
}
