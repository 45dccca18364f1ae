import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar, FilterField } from "@/components/admin/filter-bar";
import { readScenarioRunListFilters } from "@/components/admin/list-filters";
import {
  nodeTypeLabel,
  ScenarioRunListTable,
} from "@/components/admin/scenarios/scenario-run-list-table";
import { hrefWith, PAGE_SIZE, readPage, type SearchParams } from "@/components/admin/search-params";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { scenarioRunStatus } from "@/lib/db/schema";
import { listScenarioVersions } from "@/lib/scenarios/admin/list-scenario-versions";
import { listRunNodeOptions } from "@/lib/scenarios/runs/list-run-node-options";
import { searchScenarioRuns } from "@/lib/scenarios/runs/search-scenario-runs";
import { requireScenarioPage } from "../scenario-page";

export const metadata: Metadata = { title: "Scenario runs" };

/** A scenario's runs, newest first: filter by status, version, user email and the node a run is at. */
export default async function ScenarioRunsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { id } = await params;
  const { db, scenario } = await requireScenarioPage(id, "/runs", "automation.read");
  const query = await searchParams;
  const page = readPage(query);
  const { query: filterQuery, filters } = readScenarioRunListFilters(query);
  const [versions, { rows, total }] = await Promise.all([
    listScenarioVersions(db, { scenarioId: scenario.id }),
    searchScenarioRuns(db, {
      scenarioId: scenario.id,
      ...filters,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
  ]);
  const nodes = await listRunNodeOptions(db, versions);
  const path = `/admin/scenarios/${scenario.id}/runs`;
  const filtered = Object.values(filterQuery).some((value) => value !== undefined);

  return (
    <>
      <PageHeader
        title={`Runs of ${scenario.name}`}
        description="Each user's walk through the scenario, newest first, with the node it is at."
        back={
          <Link
            href={`/admin/scenarios/${scenario.id}`}
            className="text-zinc-500 hover:text-zinc-900"
            data-testid="scenario-runs-back"
          >
            ← Builder
          </Link>
        }
      />
      <Card>
        <FilterBar clearHref={path} active={filtered} testId="scenario-run-filters">
          <FilterField label="Status" htmlFor="status">
            <Select
              id="status"
              name="status"
              defaultValue={filters.status ?? ""}
              className="w-36"
              data-testid="filter-status"
            >
              <option value="">Any status</option>
              {scenarioRunStatus.enumValues.map((status) => (
                <option key={status} value={status}>
                  {status}
                </option>
              ))}
            </Select>
          </FilterField>
          <FilterField label="Version" htmlFor="version">
            <Select
              id="version"
              name="version"
              defaultValue={filters.versionNumber ?? ""}
              className="w-32"
              data-testid="filter-version"
            >
              <option value="">Any version</option>
              {versions.map((version) => (
                <option key={version.id} value={version.number}>
                  Version {version.number}
                  {version.isCurrent ? " (live)" : ""}
                </option>
              ))}
            </Select>
          </FilterField>
          <FilterField label="Current node" htmlFor="node">
            <Select
              id="node"
              name="node"
              defaultValue={filters.nodeId ?? ""}
              className="w-48"
              data-testid="filter-node"
            >
              <option value="">Any node</option>
              {nodes.map((node) => (
                <option key={node.id} value={node.id} title={node.title}>
                  {node.id} · {nodeTypeLabel(node.type)}
                </option>
              ))}
            </Select>
          </FilterField>
          <FilterField label="User email" htmlFor="email">
            <Input
              id="email"
              name="email"
              defaultValue={filters.email}
              placeholder="jane@"
              className="w-56"
              data-testid="filter-email"
            />
          </FilterField>
        </FilterBar>
        {rows.length === 0 ? (
          <EmptyState
            title={filtered ? "No runs match" : "No runs yet"}
            description={
              filtered
                ? undefined
                : "A run starts when a user meets the trigger of the scenario's live version."
            }
          />
        ) : (
          <ScenarioRunListTable runs={rows} />
        )}
        <Pagination
          page={page}
          pageSize={PAGE_SIZE}
          total={total}
          hrefFor={(n) => hrefWith(path, { ...filterQuery, page: n })}
        />
      </Card>
    </>
  );
}
