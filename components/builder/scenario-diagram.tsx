"use client";

import "@xyflow/react/dist/style.css";
import { Background, Controls, MiniMap, ReactFlow } from "@xyflow/react";
import { useMemo, useState } from "react";
import { type FlowPath, graphToFlow } from "@/lib/scenarios/flow/graph-to-flow";
import type { ScenarioGraph } from "@/lib/scenarios/graph";
import { GROUP_COLOR, ScenarioFlowNodeComponent } from "./scenario-flow-node";
import type { ScenarioFlowNode } from "@/lib/scenarios/flow/graph-to-flow";

/** Module constant, so React Flow does not re-create node types on every render. */
const NODE_TYPES = { scenario: ScenarioFlowNodeComponent };

type Period = "last24h" | "last30d";

export interface DiagramStatistics {
  nodes: Record<string, { last24h: Record<string, number>; last30d: Record<string, number> }>;
  edges: Record<string, { last24h: number; last30d: number }>;
}

/**
 * The scenario drawn from its domain graph, read-only, with visits per node and users per edge for the chosen
 * period. React Flow state is derived here and never written back.
 */
export function ScenarioDiagram({
  graph,
  statistics,
  path = null,
}: {
  graph: ScenarioGraph;
  statistics: DiagramStatistics | null;
  /** One run's path to highlight (the run page). */
  path?: FlowPath | null;
}) {
  const [period, setPeriod] = useState<Period>("last24h");
  const flow = useMemo(() => {
    if (!statistics) return graphToFlow(graph, null, path);
    const nodes = Object.fromEntries(
      Object.entries(statistics.nodes).map(([id, counts]) => [id, counts[period]]),
    );
    const edges = Object.fromEntries(
      Object.entries(statistics.edges).map(([id, counts]) => [id, counts[period]]),
    );
    return graphToFlow(graph, { nodes, edges }, path);
  }, [graph, statistics, period, path]);

  return (
    <div className="relative h-[28rem] w-full" data-testid="scenario-diagram">
      {statistics ? (
        <div
          className="absolute top-2 right-2 z-10 inline-flex rounded-md border border-zinc-200 bg-white text-xs shadow-sm"
          role="group"
          aria-label="Statistics period"
        >
          {(["last24h", "last30d"] as const).map((value) => (
            <button
              key={value}
              type="button"
              onClick={() => setPeriod(value)}
              aria-pressed={period === value}
              className={`px-2.5 py-1 focus-visible:outline-2 focus-visible:outline-brand-600 ${period === value ? "bg-zinc-900 text-white" : "text-zinc-700 hover:bg-zinc-50"}`}
              data-testid={`scenario-diagram-${value}`}
            >
              {value === "last24h" ? "24 h" : "30 d"}
            </button>
          ))}
        </div>
      ) : null}
      <ReactFlow
        nodes={flow.nodes}
        edges={flow.edges}
        nodeTypes={NODE_TYPES}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        fitView
        fitViewOptions={{ padding: 0.2 }}
        proOptions={{ hideAttribution: true }}
        minZoom={0.2}
      >
        <Background gap={16} />
        <Controls showInteractive={false} />
        <MiniMap<ScenarioFlowNode>
          pannable
          zoomable
          nodeColor={(node) => GROUP_COLOR[node.data.group]}
        />
      </ReactFlow>
    </div>
  );
}
