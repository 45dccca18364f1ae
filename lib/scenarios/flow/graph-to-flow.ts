/**
 * The domain graph as React Flow nodes and edges: derived, never stored (style.md: the builder stores the domain
 * graph). UI-safe and pure, so the canvas and its tests share it.
 */
import type { Edge, Node } from "@xyflow/react";
import { isTriggerNode, type NodeGroup, type NodeType, NODE_TYPE_META, nodePorts, nodeSummary, type ScenarioGraph } from "@/lib/scenarios/graph";

export interface ScenarioFlowNodeData extends Record<string, unknown> {
  nodeType: NodeType;
  group: NodeGroup;
  label: string;
  summary: string;
  ports: { id: string; label: string }[];
  isTrigger: boolean;
  /** Visits by outcome in the chosen period; null when no statistics are shown. */
  counts: Record<string, number> | null;
  /** With a run's path shown: how this node's last visit ended (null: not visited), else undefined. */
  visit?: { outcome: string | null; note: string } | null;
}

export type ScenarioFlowNode = Node<ScenarioFlowNodeData, "scenario">;

/** One run's path: the visits by node (the last one counts) and the edges it took. */
export interface FlowPath {
  nodes: Record<string, { outcome: string | null; note: string }>;
  edges: string[];
}

export interface FlowStatistics {
  nodes: Record<string, Record<string, number>>;
  edges: Record<string, number>;
}

/** How a port is labelled on its handle and edges: `yes`, `no`, the variant code; nothing for a plain `out`. */
export function portLabel(port: string): string {
  if (port === "out") return "";
  return port.startsWith("variant:") ? port.slice("variant:".length) : port;
}

export function graphToFlow(
  graph: ScenarioGraph,
  statistics: FlowStatistics | null = null,
  path: FlowPath | null = null,
): { nodes: ScenarioFlowNode[]; edges: Edge[] } {
  const taken = new Set(path?.edges ?? []);
  const nodes: ScenarioFlowNode[] = graph.nodes.map((node) => ({
    id: node.id,
    type: "scenario",
    position: node.position,
    data: {
      nodeType: node.type,
      group: NODE_TYPE_META[node.type].group,
      label: NODE_TYPE_META[node.type].label,
      summary: nodeSummary(node),
      ports: nodePorts(node).map((id) => ({ id, label: portLabel(id) })),
      isTrigger: isTriggerNode(node),
      counts: statistics ? (statistics.nodes[node.id] ?? {}) : null,
      ...(path ? { visit: path.nodes[node.id] ?? null } : {}),
    },
  }));
  const edges: Edge[] = graph.edges.map((edge) => {
    const parts = [portLabel(edge.fromPort), statistics ? `${statistics.edges[edge.id] ?? 0}` : ""].filter(Boolean);
    return {
      id: edge.id,
      source: edge.from,
      sourceHandle: edge.fromPort,
      target: edge.to,
      ...(parts.length > 0 ? { label: parts.join(" · ") } : {}),
      data: { port: edge.fromPort },
      ...(path ? (taken.has(edge.id) ? { animated: true, style: { stroke: "#18181b", strokeWidth: 2 } } : { style: { opacity: 0.35 } }) : {}),
    };
  });
  return { nodes, edges };
}
