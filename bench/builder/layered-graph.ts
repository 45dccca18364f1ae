import type { GraphEdge, GraphNode, ScenarioGraph } from "@/lib/scenarios/graph";
import { nodePorts } from "@/lib/scenarios/nodes/definitions";

const COLUMN_WIDTH = 300;
const ROW_HEIGHT = 160;
const CRITERION = {
  kind: "user",
  key: "email_domain",
  operator: "is",
  value: "example.com",
} as const;

/**
 * A large draft for the builder bench: one `user.created` trigger, then rows of wait / email / condition nodes laid
 * out on a grid, top to bottom. Every node below the trigger has one edge from the row above; the remaining edges
 * join a node to its neighbour's column in the next row (a condition's second edge leaves its `no` port). Outputs
 * with no edge are marked open, so the draft passes validation like a finished scenario would.
 */
export function layeredGraph({
  nodes,
  edges,
  width,
  template,
}: {
  nodes: number;
  edges: number;
  width: number;
  template: string;
}): ScenarioGraph {
  const rows: GraphNode[][] = [
    [
      {
        id: "trigger",
        type: "event",
        config: { event: "user.created" },
        position: { x: ((width - 1) * COLUMN_WIDTH) / 2, y: 0 },
      },
    ],
  ];
  for (let i = 1; i < nodes; i++) {
    const row = Math.ceil(i / width);
    const column = (i - 1) % width;
    const position = { x: column * COLUMN_WIDTH, y: row * ROW_HEIGHT };
    const id = `n${i}`;
    const kind = i % 3;
    const node: GraphNode =
      kind === 0
        ? { id, type: "condition", config: { criteria: [CRITERION] }, position }
        : kind === 1
          ? { id, type: "wait", config: { minutes: 1440 * ((i % 7) + 1) }, position }
          : { id, type: "email", config: { template }, position };
    (rows[row] ??= []).push(node);
  }

  const graphEdges: GraphEdge[] = [];
  const portsUsed = new Map<string, number>();
  const connect = (from: GraphNode, to: GraphNode) => {
    const used = portsUsed.get(from.id) ?? 0;
    portsUsed.set(from.id, used + 1);
    const fromPort = from.type === "condition" ? (used === 0 ? "yes" : "no") : "out";
    graphEdges.push({ id: `e${graphEdges.length + 1}`, from: from.id, fromPort, to: to.id });
  };
  for (let row = 1; row < rows.length; row++) {
    const above = rows[row - 1]!;
    rows[row]!.forEach((node, column) => connect(above[column % above.length]!, node));
  }
  // Extra edges: the first column's nodes first in every row, then the next column, until there are enough.
  for (let column = 0; graphEdges.length < edges && column < width; column++) {
    for (let row = 1; row + 1 < rows.length && graphEdges.length < edges; row++) {
      const from = rows[row]![column];
      const to = rows[row + 1]![(column + 1) % width];
      if (from && to) connect(from, to);
    }
  }
  if (graphEdges.length < edges)
    throw new Error(`a ${nodes}-node grid ${width} wide holds only ${graphEdges.length} edges`);
  const connected = new Set(graphEdges.map((edge) => `${edge.from}:${edge.fromPort}`));
  const withOpenPorts = rows.flat().map((node) => {
    const open = nodePorts(node).filter((port) => !connected.has(`${node.id}:${port}`));
    return open.length > 0 ? { ...node, openPorts: open } : node;
  });
  return { nodes: withOpenPorts, edges: graphEdges };
}
