"use client";

import type { GraphNode, ScenarioGraph } from "@/lib/scenarios/graph";
import { draftNodePorts } from "@/lib/scenarios/nodes/definitions";
import { portName } from "@/lib/scenarios/nodes/port-name";

/**
 * The node's outputs: where each leads, or — for one left unconnected — whether the run is meant to end there
 * (validation asks for every output to be connected or marked so).
 */
export function NodePortsEditor({
  node,
  graph,
  readOnly,
  onPortOpen,
  onFocusNode,
}: {
  node: GraphNode;
  graph: ScenarioGraph;
  readOnly: boolean;
  onPortOpen(nodeId: string, port: string, open: boolean): void;
  onFocusNode(nodeId: string): void;
}) {
  const ports = draftNodePorts(node);
  if (ports.length === 0) return null;
  return (
    <section aria-labelledby="ports-title" className="space-y-2 border-t border-zinc-100 pt-4">
      <h3 id="ports-title" className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">
        Outputs
      </h3>
      <ul className="space-y-1.5">
        {ports.map((port) => {
          const targets = graph.edges
            .filter((e) => e.from === node.id && e.fromPort === port)
            .map((e) => e.to);
          const name = portName(port);
          return (
            <li key={port} className="flex items-center gap-2 text-sm" data-testid={`port-${port}`}>
              <span className="w-16 shrink-0 truncate font-medium text-zinc-700">{name}</span>
              {targets.length > 0 ? (
                <span className="flex flex-wrap gap-1">
                  {targets.map((target) => (
                    <button
                      key={target}
                      type="button"
                      onClick={() => onFocusNode(target)}
                      className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-700 hover:bg-zinc-200"
                    >
                      → {target}
                    </button>
                  ))}
                </span>
              ) : (
                <label className="flex items-center gap-1.5 text-xs text-zinc-600">
                  <input
                    type="checkbox"
                    disabled={readOnly}
                    checked={node.openPorts?.includes(port) ?? false}
                    onChange={(event) => onPortOpen(node.id, port, event.target.checked)}
                    className="h-3.5 w-3.5 rounded border-zinc-300 accent-brand-600"
                    data-testid={`port-open-${port}`}
                  />
                  The run ends here
                </label>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
