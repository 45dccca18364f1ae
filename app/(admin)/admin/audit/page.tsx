import type { Metadata } from "next";
import { AuditLogTable } from "@/components/admin/audit/audit-log-table";
import {
  auditFiltersOf,
  readAuditSearch,
  type AuditSearch,
} from "@/components/admin/audit/audit-search-params";
import { FilterBar, FilterField } from "@/components/admin/filter-bar";
import { hrefWith, PAGE_SIZE, readPage, type SearchParams } from "@/components/admin/search-params";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { AUDITED_TABLE_NAMES, entityLabel } from "@/lib/audit/audited-tables";
import { listAuditActors } from "@/lib/audit/list-audit-actors";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Audit log" };

const ENTITY_TYPES = [...AUDITED_TABLE_NAMES].sort((a, b) =>
  entityLabel(a).localeCompare(entityLabel(b)),
);

export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requireStaffPage("/admin/audit", "audit.read");
  const params = await searchParams;
  const page = readPage(params);
  const search = readAuditSearch(params);
  const db = await getDb();
  const [{ rows, total }, actors] = await Promise.all([
    listAuditLog(db, {
      ...auditFiltersOf(search),
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    listAuditActors(db),
  ]);
  // An actor no longer offered (a former staff member) stays selectable while the URL names them.
  if (search.actor && !actors.some((actor) => actor.value === search.actor))
    actors.push({ value: search.actor, label: search.actor });
  const filtered = Object.values(search).some((value) => value !== undefined);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="What staff and API tokens changed, newest first: one line per changed row, with only the changed fields. Customers' own changes and the system's work are not logged."
      />
      <Card>
        <FilterBar clearHref="/admin/audit" active={filtered} testId="audit-filters">
          <FilterField label="Actor" htmlFor="actor">
            <Select id="actor" name="actor" defaultValue={search.actor ?? ""} className="w-52">
              <option value="">Anyone</option>
              {actors.map((actor) => (
                <option key={actor.value} value={actor.value}>
                  {actor.label}
                </option>
              ))}
            </Select>
          </FilterField>
          <FilterField label="Action" htmlFor="action">
            <Input
              id="action"
              name="action"
              defaultValue={search.action}
              placeholder="users. or POST /api/v1/…"
              className="w-48"
            />
          </FilterField>
          <FilterField label="Entity" htmlFor="entity_type">
            <Select
              id="entity_type"
              name="entity_type"
              defaultValue={search.entity_type ?? ""}
              className="w-48"
            >
              <option value="">Any entity</option>
              {ENTITY_TYPES.map((name) => (
                <option key={name} value={name}>
                  {entityLabel(name)}
                </option>
              ))}
            </Select>
          </FilterField>
          <FilterField label="Entity id" htmlFor="entity_id">
            <Input
              id="entity_id"
              name="entity_id"
              defaultValue={search.entity_id}
              className="w-28"
            />
          </FilterField>
          <FilterField label="From" htmlFor="from">
            <Input id="from" name="from" type="date" defaultValue={search.from} className="w-40" />
          </FilterField>
          <FilterField label="To" htmlFor="to">
            <Input id="to" name="to" type="date" defaultValue={search.to} className="w-40" />
          </FilterField>
          <label className="flex h-9 items-center gap-2 text-sm text-zinc-700">
            <input
              type="checkbox"
              name="related"
              value="1"
              defaultChecked={search.related === "1"}
              className="size-4 rounded border-zinc-300 text-brand-600"
            />
            With related rows
          </label>
        </FilterBar>
        {rows.length === 0 ? (
          <EmptyState
            title={filtered ? "No changes match" : "No changes logged yet"}
            description={
              filtered
                ? "Widen the period or clear a filter."
                : "Changes staff make in this admin, and API tokens make through the API, appear here."
            }
          />
        ) : (
          <AuditLogTable rows={rows} />
        )}
        <Pagination
          page={page}
          pageSize={PAGE_SIZE}
          total={total}
          hrefFor={(n) =>
            hrefWith("/admin/audit", { ...search, page: n } satisfies AuditSearch & {
              page: number;
            })
          }
        />
      </Card>
    </>
  );
}
