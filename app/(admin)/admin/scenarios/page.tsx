import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar, FilterField } from "@/components/admin/filter-bar";
import { ScenarioRowActions } from "@/components/admin/scenarios/scenario-row-actions";
import { ScenarioStatusBadge } from "@/components/admin/scenarios/scenario-status-badge";
import {
  hrefWith,
  PAGE_SIZE,
  readEnum,
  readPage,
  readText,
  type SearchParams,
} from "@/components/admin/search-params";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Folded, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listScenarios } from "@/lib/scenarios/admin/list-scenarios";
import { scenarioStatusActions } from "./status-actions";

export const metadata: Metadata = { title: "Scenarios" };

export default async function ScenariosPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const staff = await requireStaffPage("/admin/scenarios", "automation.read");
  const canChange = can(staff.role, "automation.write");
  const params = await searchParams;
  const search = readText(params, "q");
  const show = readEnum(params, "show", ["active", "deleted"] as const) ?? "active";
  const page = readPage(params);
  const { rows, total } = await listScenarios(await getDb(), {
    search,
    deleted: show === "deleted",
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const hrefFor = (n: number) =>
    hrefWith("/admin/scenarios", {
      q: search,
      show: show === "deleted" ? show : undefined,
      page: n,
    });
  return (
    <>
      <PageHeader
        title="Scenarios"
        description="Automated journeys: a trigger, conditions, actions and waits, published as versions."
        actions={
          canChange ? (
            <LinkButton href="/admin/scenarios/new" data-testid="new-scenario">
              New scenario
            </LinkButton>
          ) : null
        }
      />
      <Card>
        <FilterBar clearHref="/admin/scenarios" active={!!search || show === "deleted"}>
          <FilterField label="Name" htmlFor="scenario-search">
            <Input
              id="scenario-search"
              name="q"
              defaultValue={search}
              placeholder="Search by name"
              data-testid="scenario-search"
            />
          </FilterField>
          <FilterField label="Show" htmlFor="scenario-show">
            <Select id="scenario-show" name="show" defaultValue={show} data-testid="scenario-show">
              <option value="active">Not deleted</option>
              <option value="deleted">Deleted</option>
            </Select>
          </FilterField>
        </FilterBar>
        {rows.length === 0 ? (
          <EmptyState
            title={
              show === "deleted"
                ? "No deleted scenarios"
                : search
                  ? "No scenario matches"
                  : "No scenarios yet"
            }
            action={
              show === "deleted" || search || !canChange ? undefined : (
                <LinkButton href="/admin/scenarios/new">Create one</LinkButton>
              )
            }
          />
        ) : (
          <Table data-testid="scenarios-table">
            <THead>
              <Tr>
                <Th>Name</Th>
                <Th>Status</Th>
                <Th className="text-right" hideBelow="lg">
                  Version
                </Th>
                <Th className="text-right">Entries 24 h</Th>
                <Th className="text-right">Entries 30 d</Th>
                <Th hideBelow="md">Last published</Th>
                <Th className="w-12 text-right">
                  <span className="sr-only">Actions</span>
                </Th>
              </Tr>
            </THead>
            <TBody>
              {rows.map((row) => (
                <Tr key={row.id} data-testid={`scenario-row-${row.id}`}>
                  <Td className="min-w-52">
                    <Link
                      href={`/admin/scenarios/${row.id}`}
                      className="font-medium break-words text-brand-700 hover:underline"
                      data-testid={`scenario-link-${row.id}`}
                    >
                      {row.name}
                    </Link>
                    <Folded below="lg" label="Version">
                      {row.currentVersionNumber ?? "—"}
                    </Folded>
                    <Folded below="md" label="Published">
                      <Time value={row.lastPublishedAt} empty="never" />
                    </Folded>
                  </Td>
                  <Td>
                    <ScenarioStatusBadge status={row.status} testId={`scenario-status-${row.id}`} />
                  </Td>
                  <Td className="text-right tabular-nums" hideBelow="lg">
                    {row.currentVersionNumber ?? "—"}
                  </Td>
                  <Td
                    className="text-right tabular-nums"
                    data-testid={`scenario-entries-24h-${row.id}`}
                  >
                    {row.entries24h}
                  </Td>
                  <Td
                    className="text-right tabular-nums"
                    data-testid={`scenario-entries-30d-${row.id}`}
                  >
                    {row.entries30d}
                  </Td>
                  <Td className="whitespace-nowrap text-zinc-600" hideBelow="md">
                    <Time value={row.lastPublishedAt} empty="never" />
                  </Td>
                  <Td className="text-right">
                    {canChange ? (
                      <ScenarioRowActions
                        id={row.id}
                        name={row.name}
                        status={row.status}
                        actions={scenarioStatusActions}
                        published={row.currentVersionNumber !== null}
                      />
                    ) : null}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        {total > PAGE_SIZE ? (
          <Pagination page={page} pageSize={PAGE_SIZE} total={total} hrefFor={hrefFor} />
        ) : null}
      </Card>
    </>
  );
}
