import type { Metadata } from "next";
import { RECURRENT_STATE_LABELS } from "@/components/billing/badges";
import { FilterBar, FilterField } from "@/components/admin/filter-bar";
import { RecurrentPaymentsTable } from "@/components/admin/recurrent-payments-table";
import {
  hrefWith,
  PAGE_SIZE,
  readEnum,
  readPage,
  type SearchParams,
} from "@/components/admin/search-params";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { recurrentState } from "@/lib/db/schema";
import { listRecurrentPayments } from "@/lib/recurrent-payments/list-recurrent-payments";
import { stopRecurrentPaymentAction } from "./actions";

export const metadata: Metadata = { title: "Recurrent payments" };

export default async function RecurrentPaymentsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const staff = await requireStaffPage("/admin/recurrent-payments", "billing.read");
  const canChange = can(staff.role, "billing.write");
  const params = await searchParams;
  const page = readPage(params);
  const state = readEnum(params, "state", recurrentState.enumValues);
  const { rows, total } = await listRecurrentPayments(await getDb(), {
    state,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  return (
    <>
      <PageHeader
        title="Recurrent payments"
        description="Renewals charged on stored cards when a paid subscription ends."
      />
      <Card>
        <FilterBar clearHref="/admin/recurrent-payments" active={Boolean(state)}>
          <FilterField label="State" htmlFor="state">
            <Select id="state" name="state" defaultValue={state ?? ""} className="w-52">
              <option value="">Any state</option>
              {recurrentState.enumValues.map((value) => (
                <option key={value} value={value}>
                  {RECURRENT_STATE_LABELS[value]}
                </option>
              ))}
            </Select>
          </FilterField>
        </FilterBar>
        {rows.length === 0 ? (
          <EmptyState
            title={state ? "No recurrent payments match" : "No recurrent payments yet"}
            description="A paid payment with a card token sets one up."
          />
        ) : (
          <RecurrentPaymentsTable
            rows={rows}
            stopAction={canChange ? stopRecurrentPaymentAction : undefined}
            showUser
          />
        )}
        <Pagination
          page={page}
          pageSize={PAGE_SIZE}
          total={total}
          hrefFor={(n) => hrefWith("/admin/recurrent-payments", { state, page: n })}
        />
      </Card>
    </>
  );
}
