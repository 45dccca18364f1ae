import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FilterBar, FilterField } from "@/components/admin/filter-bar";
import {
  hrefWith,
  PAGE_SIZE,
  readEnum,
  readPage,
  readText,
  type SearchParams,
} from "@/components/admin/search-params";
import { DevClockForm } from "@/components/dev/dev-clock-form";
import { RunStatusBadge } from "@/components/dev/run-status-badge";
import { ActionButton } from "@/components/ui/action-button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Time } from "@/components/ui/time";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requireStaffPage } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { localRunStatus } from "@/inngest/local/schema";
import { listRuns } from "@/inngest/local/list-runs";
import { localExecutorEnabled } from "@/inngest/local/mode";
import { advanceClockAction, retryRunAction, syncAppAction } from "./actions";

export const metadata: Metadata = { title: "Function runs" };

export default async function RunsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  if (!localExecutorEnabled()) notFound();
  await requireStaffPage("/admin/dev/runs", "dev");
  const params = await searchParams;
  const page = readPage(params);
  const status = readEnum(params, "status", localRunStatus.enumValues);
  const functionId = readText(params, "function");
  const { rows, total } = await listRuns(await getDb(), {
    status,
    functionId,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  return (
    <>
      <PageHeader
        title="Function runs"
        description="The local Inngest executor: a development stand-in for Inngest. Production runs on Inngest."
        actions={
          <ActionButton action={syncAppAction} fields={{}} label="Sync app" testId="sync-app" />
        }
      />
      <Card className="mb-6">
        <CardHeader
          title="Dev clock"
          description={
            <>
              The app reads now as <Time value={now()} />.
            </>
          }
        />
        <CardBody>
          <DevClockForm action={advanceClockAction} />
        </CardBody>
      </Card>
      <Card>
        <FilterBar clearHref="/admin/dev/runs" active={Boolean(status || functionId)}>
          <FilterField label="Status" htmlFor="status">
            <Select id="status" name="status" defaultValue={status ?? ""} className="w-40">
              <option value="">Any status</option>
              {localRunStatus.enumValues.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </Select>
          </FilterField>
          <FilterField label="Function" htmlFor="function">
            <Input
              id="function"
              name="function"
              defaultValue={functionId ?? ""}
              placeholder="subflow-deliver-outbox"
              className="w-64"
            />
          </FilterField>
        </FilterBar>
        {rows.length === 0 ? (
          <EmptyState
            title="No runs yet"
            description="Runs appear here when events and crons trigger functions."
          />
        ) : (
          <Table data-testid="runs-table">
            <THead>
              <Tr>
                <Th>Function</Th>
                <Th>Event</Th>
                <Th>Status</Th>
                <Th>Started</Th>
                <Th>Ended</Th>
                <Th className="text-right">Actions</Th>
              </Tr>
            </THead>
            <TBody>
              {rows.map((run) => (
                <Tr key={run.id} data-testid="run-row">
                  <Td>
                    <Link
                      href={`/admin/dev/runs/${run.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {run.functionId}
                    </Link>
                  </Td>
                  <Td className="font-mono text-xs">{String(run.event.name ?? "")}</Td>
                  <Td>
                    <RunStatusBadge status={run.status} />
                  </Td>
                  <Td>
                    <Time value={run.createdAt} />
                  </Td>
                  <Td>
                    <Time value={run.endedAt} />
                  </Td>
                  <Td className="text-right">
                    {run.status === "failed" ? (
                      <ActionButton
                        action={retryRunAction}
                        fields={{ runId: run.id }}
                        label="Retry"
                      />
                    ) : null}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        <Pagination
          page={page}
          pageSize={PAGE_SIZE}
          total={total}
          hrefFor={(p) => hrefWith("/admin/dev/runs", { status, function: functionId, page: p })}
        />
      </Card>
    </>
  );
}
