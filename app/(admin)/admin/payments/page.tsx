import { PAYMENT_STATUS_LABELS } from "@/components/billing/badges";
import type { Metadata } from "next";
import { ExportCsvLink } from "@/components/admin/export-csv-link";
import { FilterBar, FilterField } from "@/components/admin/filter-bar";
import { readPaymentListFilters } from "@/components/admin/list-filters";
import { PaymentsTable } from "@/components/admin/payments-table";
import { hrefWith, PAGE_SIZE, readPage, type SearchParams } from "@/components/admin/search-params";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { paymentStatus } from "@/lib/db/schema";
import { PAYMENT_GATEWAY_CODES } from "@/lib/payments/gateways/gateway-codes";
import { listPayments } from "@/lib/payments/list-payments";
import { markPaymentPaidAction, refundPaymentAction } from "./actions";

export const metadata: Metadata = { title: "Payments" };

export default async function PaymentsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const staff = await requireStaffPage("/admin/payments", "billing.read");
  const canChange = can(staff.role, "billing.write");
  const params = await searchParams;
  const page = readPage(params);
  const { query, filters } = readPaymentListFilters(params);
  const { status, gateway } = filters;
  const { rows, total } = await listPayments(await getDb(), {
    ...filters,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const filtered = Boolean(status || gateway);

  return (
    <>
      <PageHeader
        title="Payments"
        description="Create a payment from a user's page."
        actions={<ExportCsvLink href={hrefWith("/admin/payments/export.csv", query)} />}
      />
      <Card>
        <FilterBar clearHref="/admin/payments" active={filtered}>
          <FilterField label="Status" htmlFor="status">
            <Select
              id="status"
              name="status"
              defaultValue={status ?? ""}
              className="w-40"
              data-testid="filter-status"
            >
              <option value="">Any status</option>
              {paymentStatus.enumValues.map((value) => (
                <option key={value} value={value}>
                  {PAYMENT_STATUS_LABELS[value]}
                </option>
              ))}
            </Select>
          </FilterField>
          <FilterField label="Gateway" htmlFor="gateway">
            <Select id="gateway" name="gateway" defaultValue={gateway ?? ""} className="w-40">
              <option value="">Any gateway</option>
              {PAYMENT_GATEWAY_CODES.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </Select>
          </FilterField>
        </FilterBar>
        {rows.length === 0 ? (
          <EmptyState title={filtered ? "No payments match" : "No payments yet"} />
        ) : (
          <PaymentsTable
            rows={rows}
            markPaidAction={canChange ? markPaymentPaidAction : undefined}
            refundAction={canChange ? refundPaymentAction : undefined}
            showUser
          />
        )}
        <Pagination
          page={page}
          pageSize={PAGE_SIZE}
          total={total}
          hrefFor={(n) => hrefWith("/admin/payments", { status, gateway, page: n })}
        />
      </Card>
    </>
  );
}
