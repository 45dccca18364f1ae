import type { Metadata } from "next";
import Link from "next/link";
import { RevenueChart } from "@/components/admin/revenue-chart";
import { PaymentStatusBadge } from "@/components/billing/badges";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDashboardStats } from "@/lib/dashboard/get-dashboard-stats";
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

export default async function DashboardPage() {
  const staff = await requireStaffPage("/admin", "dashboard.read");
  // Revenue and payments are billing's: a role without billing.read sees the customer figures only.
  const seesBilling = can(staff.role, "billing.read");
  const db = await getDb();
  const [stats, recent] = await Promise.all([
    getDashboardStats(db),
    seesBilling ? listPayments(db, { limit: RECENT_PAYMENTS, offset: 0 }) : null,
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
      <PageHeader title="Dashboard" description="The subscription business at a glance." />
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

      {recent ? (
        <>
          <Card className="mt-6">
            <CardHeader
              title="Revenue, last 30 days"
              description={`${formatMoney(stats.revenueCents)} from ${stats.paidPayments} paid payments`}
            />
            <CardBody>
              <RevenueChart days={stats.dailyRevenue} since={stats.since} until={stats.until} />
            </CardBody>
          </Card>

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
                      <Td className="whitespace-nowrap">{formatDateTime(payment.createdAt)}</Td>
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
