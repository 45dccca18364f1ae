import type { Metadata } from "next";
import { FamilyRequestFilters } from "@/components/admin/family/family-request-filters";
import { FamilyRequestsTable } from "@/components/admin/family/family-requests-table";
import { FamilyTypesTable } from "@/components/admin/family/family-types-table";
import { FamilyCodeActivityCard } from "@/components/charts/family-code-activity-card";
import {
  hrefWith,
  PAGE_SIZE,
  readEnum,
  readId,
  readPage,
  readText,
  type SearchParams,
} from "@/components/admin/search-params";
import { LinkButton } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { familyRequestStatus } from "@/lib/db/schema";
import { listFamilyRequests } from "@/lib/family/admin/list-family-requests";
import { listFamilyTypes } from "@/lib/family/admin/list-family-types";
import { listSubscriptionTypes } from "@/lib/subscriptions/list-subscription-types";

export const metadata: Metadata = { title: "Family" };

export default async function FamilyPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const staff = await requireStaffPage("/admin/family", "catalog.read");
  const canChange = can(staff.role, "catalog.write");
  const params = await searchParams;
  const page = readPage(params);
  const filters = {
    status: readEnum(params, "status", familyRequestStatus.enumValues),
    master: readText(params, "master"),
    type: readId(params, "type"),
  };
  const db = await getDb();
  const [types, subscriptionTypes, requests] = await Promise.all([
    listFamilyTypes(db),
    listSubscriptionTypes(db),
    listFamilyRequests(db, {
      status: filters.status,
      masterEmail: filters.master,
      subscriptionTypeId: filters.type,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
  ]);
  const filtered = Boolean(filters.status || filters.master || filters.type);
  const saved = readText(params, "saved");
  return (
    <>
      <PageHeader
        title="Family"
        description="Master subscription types that generate shareable codes, and the codes themselves."
        actions={
          canChange ? (
            <LinkButton href="/admin/family/types/new" data-testid="new-family-type">
              New family type
            </LinkButton>
          ) : null
        }
      />
      {saved ? (
        <Notice tone="success" className="mb-4" data-testid="saved-notice">
          Family type for <span className="font-mono">{saved}</span> saved.
        </Notice>
      ) : null}
      {readText(params, "deleted") ? (
        <Notice tone="success" className="mb-4" data-testid="deleted-notice">
          Family type deleted.
        </Notice>
      ) : null}
      <div className="space-y-6">
        <FamilyCodeActivityCard params={params} />
        <Card>
          <CardHeader
            title="Family types"
            description="One per master type; its subscriptions get the codes."
          />
          {types.length === 0 ? (
            <EmptyState
              title="No family types yet"
              action={
                canChange ? (
                  <LinkButton href="/admin/family/types/new">Create one</LinkButton>
                ) : null
              }
            />
          ) : (
            <FamilyTypesTable rows={types} />
          )}
        </Card>
        <Card>
          <CardHeader title="Family requests" description="Codes of every master, newest first." />
          <FamilyRequestFilters
            values={filters}
            types={subscriptionTypes.map(({ id, code, name }) => ({ id, code, name }))}
            clearHref="/admin/family"
          />
          {requests.rows.length === 0 ? (
            <EmptyState title={filtered ? "No requests match" : "No family requests yet"} />
          ) : (
            <FamilyRequestsTable rows={requests.rows} />
          )}
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={requests.total}
            hrefFor={(n) =>
              hrefWith("/admin/family", {
                status: filters.status,
                master: filters.master,
                type: filters.type,
                page: n,
              })
            }
          />
        </Card>
      </div>
    </>
  );
}
