/**
 * The domain graph as React Flow nodes and edges: derived, never stored (style.md: the builder stores the domain
 * graph). UI-safe and pure, so the canvas and its tests share it.
 */
import type { Edge, Node } from "@xyflow/react";
import type { GraphEdge, GraphNode, ScenarioGraph } from "@/lib/scenarios/graph";
import { variantCodeOf } from "@/lib/scenarios/nodes/ab-test/variant-port";
import type { NodeGroup } from "@/lib/scenarios/nodes/define-node";
import { portName } from "@/lib/scenarios/nodes/port-name";
import {
  definitionOf,
  draftNodePorts,
  isTriggerNode,
  nodeSummary,
  type NodeType,
} from "@/lib/scenarios/nodes/definitions";

export interface ScenarioFlowNodeData extends Record<string, unknown> {
  nodeType: NodeType;
  group: NodeGroup;
  label: string;
  summary: string;
  /** `label` is drawn under the handle; `name` is the port's name everywhere else (`portName`). */
  ports: { id: string; label: string; name: string }[];
  isTrigger: boolean;
  /** Visits by outcome in the chosen period; null when no statistics are shown. */
  counts: Record<string, number> | null;
  /** With a run's path shown: how this node's last visit ended (null: not visited), else undefined. */
  visit?: { outcome: string | null; note: string } | null;
  /** Validation messages for this node (the builder outlines it in red). */
  errors?: string[];
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

/**
 * How a port is labelled under its handle and on its edges, where room is short: `yes`, `no`, the variant code;
 * nothing for a plain `out`. Everywhere else a port goes by its `portName`.
 */
export function portLabel(port: string): string {
  if (port === "out") return "";
  return variantCodeOf(port) ?? port;
}

export function graphToFlow(
  graph: ScenarioGraph,
  statistics: FlowStatistics | null = null,
  path: FlowPath | null = null,
): { nodes: ScenarioFlowNode[]; edges: Edge[] } {
  const taken = path ? new Set(path.edges) : null;
  return {
    nodes: graph.nodes.map((node) =>
      flowNodeOf(
        node,
        statistics ? (statistics.nodes[node.id] ?? {}) : null,
        path ? (path.nodes[node.id] ?? null) : undefined,
      ),
    ),
    edges: graph.edges.map((edge) =>
      flowEdgeOf(
        edge,
        statistics ? (statistics.edges[edge.id] ?? 0) : null,
        taken ? taken.has(edge.id) : null,
      ),
    ),
  };
}

/** One node: `counts` null shows no statistics; `visit` undefined shows no path, null marks it not visited. */
export function flowNodeOf(
  node: GraphNode,
  counts: Record<string, number> | null,
  visit?: { outcome: string | null; note: string } | null,
  errors?: string[],
): ScenarioFlowNode {
  return {
    id: node.id,
    type: "scenario",
    position: node.position,
    data: {
      nodeType: node.type,
      group: definitionOf(node).group,
      label: definitionOf(node).label,
      summary: safeSummary(node),
      ports: draftNodePorts(node).map((id) => ({ id, label: portLabel(id), name: portName(id) })),
      isTrigger: isTriggerNode(node),
      counts,
      ...(visit !== undefined ? { visit } : {}),
      ...(errors && errors.length > 0 ? { errors } : {}),
    },
  };
}

/** One edge: `count` null shows no statistics; `taken` null shows no path. */
export function flowEdgeOf(edge: GraphEdge, count: number | null, taken: boolean | null): Edge {
  const parts = [portLabel(edge.fromPort), count !== null ? `${count}` : ""].filter(Boolean);
  return {
    id: edge.id,
    source: edge.from,
    sourceHandle: edge.fromPort,
    target: edge.to,
    ...(parts.length > 0 ? { label: parts.join(" · ") } : {}),
    data: { port: edge.fromPort },
    ...(taken === null
      ? {}
      : taken
        ? { animated: true, style: { stroke: "#18181b", strokeWidth: 2 } }
        : { style: { opacity: 0.35 } }),
  };
}

/** A draft node's config may be half-typed: its summary and ports must not throw while the author is typing. */
function safeSummary(node: GraphNode): string {
  try {
    return nodeSummary(node);
  } catch {
    return definitionOf(node).description;
  }
}
