import { NODE_TYPE_META, nodeSummary, type ScenarioGraph } from "@/lib/scenarios/graph";

/** A read-only outline of a graph: each node with its type, what it is set to do, and where each port leads. */
export function ScenarioGraphOutline({ graph }: { graph: ScenarioGraph }) {
  if (graph.nodes.length === 0) {
    return <p className="text-sm text-zinc-500" data-testid="scenario-outline-empty">The graph has no nodes yet.</p>;
  }
  return (
    <ol className="space-y-2" data-testid="scenario-outline">
      {graph.nodes.map((node) => {
        const outgoing = graph.edges.filter((edge) => edge.from === node.id);
        return (
          <li key={node.id} className="rounded-md border border-zinc-200 px-3 py-2 text-sm" data-testid={`scenario-outline-node-${node.id}`}>
            <div className="flex flex-wrap items-baseline gap-x-2">
              <span className="font-mono text-xs text-zinc-500">{node.id}</span>
              <span className="font-medium text-zinc-900">{NODE_TYPE_META[node.type].label}</span>
              <span className="text-zinc-600">{nodeSummary(node)}</span>
            </div>
            {outgoing.length > 0 || node.openPorts?.length ? (
              <ul className="mt-1 space-y-0.5 text-xs text-zinc-600">
                {outgoing.map((edge) => (
                  <li key={edge.id}>
                    <span className="font-mono">{edge.fromPort}</span> → <span className="font-mono">{edge.to}</span>
                  </li>
                ))}
                {node.openPorts?.map((port) => (
                  <li key={`open-${port}`}>
                    <span className="font-mono">{port}</span> → <span className="text-zinc-400">ends the run</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
