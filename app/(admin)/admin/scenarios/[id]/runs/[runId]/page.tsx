import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { FactList } from "@/components/admin/scenarios/fact-list";
import { ScenarioDiagram } from "@/components/builder/scenario-diagram";
import { ScenarioRunStatusBadge } from "@/components/admin/scenarios/scenario-runs-table";
import { Card, CardHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { loadVersionGraph } from "@/lib/scenarios/engine/load-version-graph";
import { runPathToFlow } from "@/lib/scenarios/flow/run-path";
import { getScenarioRunPath } from "@/lib/scenarios/runs/get-scenario-run-path";

export const metadata: Metadata = { title: "Scenario run" };

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** One user's path through a scenario: every node visit, its outcome and the facts behind it. */
export default async function ScenarioRunPage({
  params,
}: {
  params: Promise<{ id: string; runId: string }>;
}) {
  const { id, runId } = await params;
  await requireStaffPage(`/admin/scenarios/${id}/runs/${runId}`, "automation.read");
  const scenarioId = idSchema.safeParse(id);
  const parsedRunId = idSchema.safeParse(runId);
  if (!scenarioId.success || !parsedRunId.success) notFound();
  // The scenario id is part of the lookup, so a run cannot be shown under another scenario's URL.
  const db = await getDb();
  const path = await getScenarioRunPath(db, {
    runId: parsedRunId.data,
    scenarioId: scenarioId.data,
  });
  if (!path) notFound();
  const { run, steps } = path;
  // The version the run entered with: its path is drawn on the graph it walked, not on today's draft.
  const graph = await loadVersionGraph(db, run.versionId);
  return (
    <>
      <PageHeader
        title={`Run #${run.id}`}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <ScenarioRunStatusBadge status={run.status} />
            <Link
              href={`/admin/users/${run.userId}`}
              className="hover:underline"
              data-testid="scenario-run-user"
            >
              {run.userEmail ?? `user #${run.userId}`}
            </Link>
            <span>· version {run.versionNumber ?? "?"}</span>
            <span>
              · trigger <span className="font-mono">{run.triggerEvent}</span>
            </span>
            {run.statusReason ? <span>· {run.statusReason}</span> : null}
          </span>
        }
        back={
          <Link
            href={`/admin/scenarios/${run.scenarioId}`}
            className="text-zinc-500 hover:text-zinc-900"
          >
            ← {run.scenarioName}
          </Link>
        }
      />
      <Card className="mb-6">
        <CardHeader
          title="Path on the diagram"
          description={`Version ${run.versionNumber ?? "?"}, as this run walked it.`}
        />
        <ScenarioDiagram graph={graph} statistics={null} path={runPathToFlow(steps)} />
      </Card>
      <Card>
        <CardHeader
          title="Path"
          description={
            <>
              Started <Time value={run.createdAt} />
              {run.finishedAt ? (
                <>
                  , finished <Time value={run.finishedAt} />
                </>
              ) : null}
              .
            </>
          }
        />
        {steps.length === 0 ? (
          <p className="px-5 py-4 text-sm text-zinc-500" data-testid="scenario-run-no-steps">
            No node visited yet.
          </p>
        ) : (
          <Table data-testid="scenario-run-steps">
            <THead>
              <Tr>
                <Th>Node</Th>
                <Th>Type</Th>
                <Th>Entered</Th>
                <Th>Finished</Th>
                <Th>Outcome</Th>
                <Th>Facts</Th>
              </Tr>
            </THead>
            <TBody>
              {steps.map((step) => (
                <Tr
                  key={`${step.nodeId}-${step.visit}`}
                  data-testid={`scenario-run-step-${step.nodeId}`}
                >
                  <Td className="font-mono text-xs">
                    {step.nodeId}
                    {step.visit > 1 ? (
                      <span className="text-zinc-400"> (visit {step.visit})</span>
                    ) : null}
                  </Td>
                  <Td>{step.nodeType}</Td>
                  <Td className="whitespace-nowrap">
                    <Time value={step.enteredAt} />
                  </Td>
                  <Td className="whitespace-nowrap">
                    <Time value={step.finishedAt} empty="in progress" />
                  </Td>
                  <Td
                    className="font-mono text-xs"
                    data-testid={`scenario-run-step-outcome-${step.nodeId}`}
                  >
                    {step.outcome ?? "—"}
                  </Td>
                  <Td>
                    <FactList facts={step.facts} />
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </>
  );
}
