/**
 * Auto-layout with dagre (a layered layout, the shape of a journey: top to bottom, branches side by side). Positions
 * only; the graph's structure is untouched. UI-safe and pure.
 */
import dagre from "@dagrejs/dagre";
import type { ScenarioGraph } from "@/lib/scenarios/graph";

/** The canvas node's box (w-60 card, about three lines tall). */
export const NODE_WIDTH = 240;
export const NODE_HEIGHT = 96;

export function layoutGraph(
  graph: ScenarioGraph,
  sizes: Readonly<Record<string, { width: number; height: number }>> = {},
): Record<string, { x: number; y: number }> {
  const layout = new dagre.graphlib.Graph({ multigraph: true });
  layout.setGraph({ rankdir: "TB", nodesep: 48, ranksep: 72, marginx: 0, marginy: 0 });
  layout.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) {
    const size = sizes[node.id] ?? { width: NODE_WIDTH, height: NODE_HEIGHT };
    layout.setNode(node.id, { width: size.width, height: size.height });
  }
  for (const edge of graph.edges) {
    if (layout.hasNode(edge.from) && layout.hasNode(edge.to))
      layout.setEdge(edge.from, edge.to, {}, edge.id);
  }
  dagre.layout(layout);
  const positions: Record<string, { x: number; y: number }> = {};
  for (const node of graph.nodes) {
    const placed = layout.node(node.id);
    // dagre gives centres; React Flow positions are top-left corners.
    positions[node.id] = {
      x: Math.round(placed.x - placed.width / 2),
      y: Math.round(placed.y - placed.height / 2),
    };
  }
  return positions;
}
