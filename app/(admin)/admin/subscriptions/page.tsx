import type { Metadata } from "next";
import { ExportCsvLink } from "@/components/admin/export-csv-link";
import { FilterBar, FilterField } from "@/components/admin/filter-bar";
import { readSubscriptionListFilters } from "@/components/admin/list-filters";
import { hrefWith, PAGE_SIZE, readPage, type SearchParams } from "@/components/admin/search-params";
import { SubscriptionsTable } from "@/components/admin/subscriptions-table";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listSubscriptionTypes } from "@/lib/subscriptions/list-subscription-types";
import { listSubscriptions } from "@/lib/subscriptions/list-subscriptions";
import { stopSubscriptionAction } from "./actions";

export const metadata: Metadata = { title: "Subscriptions" };

export default async function SubscriptionsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const staff = await requireStaffPage("/admin/subscriptions", "customers.read");
  const canChange = can(staff.role, "customers.write");
  const params = await searchParams;
  const page = readPage(params);
  const { query, filters } = readSubscriptionListFilters(params);
  const { email, subscriptionTypeId: type, state } = filters;
  const db = await getDb();
  const [{ rows, total }, types] = await Promise.all([
    listSubscriptions(db, {
      ...filters,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    listSubscriptionTypes(db),
  ]);
  const filtered = Boolean(email || type || state);

  return (
    <>
      <PageHeader
        title="Subscriptions"
        description="Give a subscription from a user's page."
        actions={<ExportCsvLink href={hrefWith("/admin/subscriptions/export.csv", query)} />}
      />
      <Card>
        <FilterBar clearHref="/admin/subscriptions" active={filtered}>
          <FilterField label="User email" htmlFor="email">
            <Input
              id="email"
              name="email"
              defaultValue={email}
              placeholder="jane@"
              className="w-56"
            />
          </FilterField>
          <FilterField label="Type" htmlFor="type">
            <Select id="type" name="type" defaultValue={type ?? ""} className="w-52">
              <option value="">All types</option>
              {types.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
          </FilterField>
          <FilterField label="State" htmlFor="state">
            <Select id="state" name="state" defaultValue={state ?? ""} className="w-36">
              <option value="">Any state</option>
              <option value="actual">Actual</option>
              <option value="upcoming">Upcoming</option>
              <option value="ended">Ended</option>
            </Select>
          </FilterField>
        </FilterBar>
        {rows.length === 0 ? (
          <EmptyState title={filtered ? "No subscriptions match" : "No subscriptions yet"} />
        ) : (
          <SubscriptionsTable
            rows={rows}
            stopAction={canChange ? stopSubscriptionAction : undefined}
            showUser
          />
        )}
        <Pagination
          page={page}
          pageSize={PAGE_SIZE}
          total={total}
          hrefFor={(n) => hrefWith("/admin/subscriptions", { email, type, state, page: n })}
        />
      </Card>
    </>
  );
}
