import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { NODE_TYPE_META, type ScenarioGraph } from "@/lib/scenarios/graph";

export interface ScenarioStatsView {
  nodes: Record<string, { last24h: Record<string, number>; last30d: Record<string, number> }>;
}

/** Visits per node and outcome over 24 hours and 30 days; nodes of the graph first, in its order. */
export function ScenarioStatsTable({ stats, graph }: { stats: ScenarioStatsView; graph: ScenarioGraph }) {
  const known = graph.nodes.map((node) => node.id);
  const nodeIds = [...known, ...Object.keys(stats.nodes).filter((id) => !known.includes(id))];
  const rows = nodeIds.flatMap((nodeId) => {
    const counts = stats.nodes[nodeId];
    if (!counts) return [];
    const outcomes = [...new Set([...Object.keys(counts.last24h), ...Object.keys(counts.last30d)])].sort();
    return outcomes.map((outcome) => ({ nodeId, outcome, day: counts.last24h[outcome] ?? 0, month: counts.last30d[outcome] ?? 0 }));
  });
  if (rows.length === 0) {
    return <p className="px-5 py-4 text-sm text-zinc-500" data-testid="scenario-stats-empty">No visits in the last 30 days.</p>;
  }
  const typeOf = (nodeId: string) => {
    const node = graph.nodes.find((candidate) => candidate.id === nodeId);
    return node ? NODE_TYPE_META[node.type].label : "removed node";
  };
  return (
    <Table data-testid="scenario-stats-table">
      <THead>
        <Tr>
          <Th>Node</Th>
          <Th>Outcome</Th>
          <Th className="text-right">24 h</Th>
          <Th className="text-right">30 d</Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr key={`${row.nodeId}:${row.outcome}`} data-testid={`scenario-stat-${row.nodeId}-${row.outcome}`}>
            <Td>
              <span className="font-mono text-xs">{row.nodeId}</span> <span className="text-zinc-500">{typeOf(row.nodeId)}</span>
            </Td>
            <Td className="font-mono text-xs">{row.outcome}</Td>
            <Td className="text-right tabular-nums">{row.day}</Td>
            <Td className="text-right tabular-nums">{row.month}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
