import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Folded, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { ScenarioRunStatus } from "@/lib/db/schema";

const RUN_TONES: Record<ScenarioRunStatus, BadgeTone> = {
  running: "blue",
  waiting: "violet",
  completed: "green",
  failed: "red",
  cancelled: "gray",
  exited: "amber",
};

export function ScenarioRunStatusBadge({ status }: { status: ScenarioRunStatus }) {
  return <Badge tone={RUN_TONES[status]}>{status}</Badge>;
}

export interface ScenarioRunTableRow {
  id: number;
  scenarioId: number;
  scenarioName: string;
  versionNumber: number | null;
  userId: number;
  userEmail: string | null;
  triggerEvent: string;
  status: ScenarioRunStatus;
  createdAt: Date | string;
}

/** Runs with a link to each one's path; `show` picks the column that is not implied by the page (user or scenario). */
export function ScenarioRunsTable({
  runs,
  show,
}: {
  runs: ScenarioRunTableRow[];
  show: "user" | "scenario";
}) {
  return (
    <Table data-testid="scenario-runs-table">
      <THead>
        <Tr>
          <Th>Run</Th>
          <Th>{show === "user" ? "User" : "Scenario"}</Th>
          <Th hideBelow="lg">Version</Th>
          <Th hideBelow="md">Trigger</Th>
          <Th>Status</Th>
          <Th>Started</Th>
        </Tr>
      </THead>
      <TBody>
        {runs.map((run) => (
          <Tr key={run.id} data-testid={`scenario-run-${run.id}`}>
            <Td>
              <Link
                href={`/admin/scenarios/${run.scenarioId}/runs/${run.id}`}
                className="font-medium text-brand-700 hover:underline"
                data-testid={`scenario-run-link-${run.id}`}
              >
                #{run.id}
              </Link>
              <Folded below="lg" label="Version">
                {run.versionNumber ?? "—"}
              </Folded>
              <Folded below="md" className="font-mono break-all">
                {run.triggerEvent}
              </Folded>
            </Td>
            <Td>
              {show === "user" ? (
                <Link href={`/admin/users/${run.userId}`} className="break-all hover:underline">
                  {run.userEmail ?? `#${run.userId}`}
                </Link>
              ) : (
                <Link href={`/admin/scenarios/${run.scenarioId}`} className="hover:underline">
                  {run.scenarioName}
                </Link>
              )}
            </Td>
            <Td className="tabular-nums" hideBelow="lg">
              {run.versionNumber ?? "—"}
            </Td>
            <Td className="font-mono text-xs" hideBelow="md">
              {run.triggerEvent}
            </Td>
            <Td>
              <ScenarioRunStatusBadge status={run.status} />
            </Td>
            <Td className="whitespace-nowrap">
              <Time value={run.createdAt} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
