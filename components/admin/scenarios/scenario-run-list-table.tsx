import Link from "next/link";
import { UserCell } from "@/components/admin/user-cell";
import { Folded, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { NODE_DEFINITIONS, type NodeType } from "@/lib/scenarios/nodes/definitions";
import type { CurrentNode, ScenarioRunListRow } from "@/lib/scenarios/runs/search-scenario-runs";
import { ScenarioRunStatusBadge } from "./scenario-runs-table";

/**
 * One scenario's runs: who, in which state and version, and the node each is at. At 1280 px every column shows; in
 * a narrower card the version, the node and the times fold into the run's cell.
 */
export function ScenarioRunListTable({ runs }: { runs: ScenarioRunListRow[] }) {
  return (
    <Table data-testid="scenario-run-list">
      <THead>
        <Tr>
          <Th>Run</Th>
          <Th>User</Th>
          <Th>Status</Th>
          <Th hideBelow="md">Current node</Th>
          <Th hideBelow="lg">Version</Th>
          <Th hideBelow="sm">Entered / finished</Th>
        </Tr>
      </THead>
      <TBody>
        {runs.map((run) => (
          <Tr key={run.id} data-testid={`scenario-run-row-${run.id}`} data-status={run.status}>
            <Td>
              <Link
                href={`/admin/scenarios/${run.scenarioId}/runs/${run.id}`}
                className="font-medium whitespace-nowrap text-brand-700 hover:underline"
                data-testid={`scenario-run-link-${run.id}`}
              >
                #{run.id}
              </Link>
              <Folded below="lg" label="Version">
                {run.versionNumber}
              </Folded>
              <Folded below="md" label="At">
                <NodeLine node={run.currentNode} />
              </Folded>
              <Folded below="sm" label="Entered">
                <Time value={run.createdAt} />
              </Folded>
            </Td>
            <UserCell userId={run.userId} email={run.userEmail} />
            <Td>
              <ScenarioRunStatusBadge status={run.status} />
              {run.statusReason ? (
                <div className="mt-0.5 text-xs text-zinc-500">{run.statusReason}</div>
              ) : null}
            </Td>
            <Td hideBelow="md" data-testid={`scenario-run-node-${run.id}`}>
              <NodeCell node={run.currentNode} />
            </Td>
            <Td className="tabular-nums" hideBelow="lg">
              {run.versionNumber}
            </Td>
            <Td className="text-xs whitespace-nowrap" hideBelow="sm">
              <div>
                <Time value={run.createdAt} />
              </div>
              <div className="text-zinc-500">
                {run.finishedAt ? (
                  <>
                    finished <Time value={run.finishedAt} />
                  </>
                ) : (
                  <>
                    updated <Time value={run.updatedAt} />
                  </>
                )}
              </div>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

/** A node type's name ("Wait"), or the type as stored when no definition has it. */
export function nodeTypeLabel(type: string): string {
  return type in NODE_DEFINITIONS ? NODE_DEFINITIONS[type as NodeType].label : type;
}

function NodeCell({ node }: { node: CurrentNode | null }) {
  if (!node) return <span className="text-zinc-400">—</span>;
  return (
    <>
      <div className="text-zinc-900">{node.title ?? nodeTypeLabel(node.type)}</div>
      <div className="mt-0.5 text-xs text-zinc-500">
        <span className="font-mono">{node.id}</span> · {nodeTypeLabel(node.type)} ·{" "}
        {node.finishedAt ? (
          "last visited"
        ) : (
          <>
            since <Time value={node.enteredAt} />
          </>
        )}
      </div>
    </>
  );
}

/** The current node in one line, for the run's cell in a narrow card. */
function NodeLine({ node }: { node: CurrentNode | null }) {
  if (!node) return <>—</>;
  return (
    <>
      <span className="font-mono">{node.id}</span>
      {node.finishedAt ? null : " (in progress)"}
    </>
  );
}
