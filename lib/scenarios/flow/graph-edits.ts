/**
 * The builder's edits as pure functions of the domain graph: each returns a new graph and leaves the old one as it
 * was, so history is a list of graphs and nodes that did not change keep their identity (the canvas re-renders only
 * what moved). UI-safe.
 */
import type { GraphEdge, GraphNode, ScenarioGraph } from "@/lib/scenarios/graph";
import { variantPort } from "@/lib/scenarios/nodes/ab-test/variant-port";
import {
  draftNodePorts,
  isTriggerNode,
  NODE_DEFINITIONS,
  type NodeType,
} from "@/lib/scenarios/nodes/definitions";

type Position = { x: number; y: number };

/** The first free `<type>-<n>` id: short, readable in errors and run paths, and stable once given. */
export function nextNodeId(
  graph: ScenarioGraph,
  type: NodeType,
  taken: ReadonlySet<string> = new Set(),
): string {
  const used = new Set(graph.nodes.map((n) => n.id));
  const base = type.replace("_", "-");
  for (let n = 1; ; n++) {
    const id = `${base}-${n}`;
    if (!used.has(id) && !taken.has(id)) return id;
  }
}

function nextEdgeId(graph: ScenarioGraph, taken: ReadonlySet<string> = new Set()): string {
  const used = new Set(graph.edges.map((e) => e.id));
  for (let n = graph.edges.length + 1; ; n++) {
    const id = `e${n}`;
    if (!used.has(id) && !taken.has(id)) return id;
  }
}

export function addNode(
  graph: ScenarioGraph,
  type: NodeType,
  position: Position,
): { graph: ScenarioGraph; id: string } {
  const id = nextNodeId(graph, type);
  const config = structuredClone(NODE_DEFINITIONS[type].defaultConfig);
  const node = { id, type, config, position: roundPosition(position) } as GraphNode;
  return { graph: { ...graph, nodes: [...graph.nodes, node] }, id };
}

export type ConnectRefusal =
  "same_node" | "into_trigger" | "duplicate" | "unknown_port" | "unknown_node";

/** Connect a port to a node. A refusal is returned, not thrown: the canvas simply does not draw the edge. */
export function connect(
  graph: ScenarioGraph,
  link: { from: string; fromPort: string; to: string },
): { graph: ScenarioGraph; edgeId: string } | { refused: ConnectRefusal } {
  const source = graph.nodes.find((n) => n.id === link.from);
  const target = graph.nodes.find((n) => n.id === link.to);
  if (!source || !target) return { refused: "unknown_node" };
  if (source.id === target.id) return { refused: "same_node" };
  if (isTriggerNode(target)) return { refused: "into_trigger" };
  if (!draftNodePorts(source).includes(link.fromPort)) return { refused: "unknown_port" };
  if (
    graph.edges.some(
      (e) => e.from === link.from && e.fromPort === link.fromPort && e.to === link.to,
    )
  )
    return { refused: "duplicate" };
  const edgeId = nextEdgeId(graph);
  // A port the author had marked as "ends here" is no longer open once it leads somewhere.
  const nodes = source.openPorts?.includes(link.fromPort)
    ? graph.nodes.map((n) =>
        n === source
          ? withOpenPorts(
              n,
              (n.openPorts ?? []).filter((p) => p !== link.fromPort),
            )
          : n,
      )
    : graph.nodes;
  return { graph: { nodes, edges: [...graph.edges, { id: edgeId, ...link }] }, edgeId };
}

/** Remove nodes (with every edge touching them) and edges. */
export function removeElements(
  graph: ScenarioGraph,
  nodeIds: Iterable<string>,
  edgeIds: Iterable<string> = [],
): ScenarioGraph {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  if (nodes.size === 0 && edges.size === 0) return graph;
  return {
    nodes: nodes.size === 0 ? graph.nodes : graph.nodes.filter((n) => !nodes.has(n.id)),
    edges: graph.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.from) && !nodes.has(e.to)),
  };
}

export function moveNodes(
  graph: ScenarioGraph,
  positions: Readonly<Record<string, Position>>,
): ScenarioGraph {
  let changed = false;
  const nodes = graph.nodes.map((node) => {
    const to = positions[node.id];
    if (!to) return node;
    const position = roundPosition(to);
    if (position.x === node.position.x && position.y === node.position.y) return node;
    changed = true;
    return { ...node, position };
  });
  return changed ? { ...graph, nodes } : graph;
}

/**
 * Replace a node's config. Renaming an A/B variant's code carries its edges over to the new port; edges and open
 * ports of outputs the node no longer has are dropped (undo brings them back).
 */
export function updateNodeConfig(
  graph: ScenarioGraph,
  nodeId: string,
  config: GraphNode["config"],
): ScenarioGraph {
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (!node) return graph;
  const updated = { ...node, config } as GraphNode;
  const renamed = renamedPorts(node, updated);
  const ports = new Set(draftNodePorts(updated));
  const edges = graph.edges.flatMap((edge) => {
    if (edge.from !== nodeId) return [edge];
    const fromPort = renamed.get(edge.fromPort) ?? edge.fromPort;
    if (!ports.has(fromPort)) return [];
    return [fromPort === edge.fromPort ? edge : { ...edge, fromPort }];
  });
  const open = updated.openPorts?.map((p) => renamed.get(p) ?? p).filter((p) => ports.has(p));
  const final = open === undefined ? updated : withOpenPorts(updated, open);
  return { nodes: graph.nodes.map((n) => (n === node ? final : n)), edges };
}

/** Mark a port as left open (the run ends there) or not. */
export function setPortOpen(
  graph: ScenarioGraph,
  nodeId: string,
  port: string,
  open: boolean,
): ScenarioGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      if (node.id !== nodeId) return node;
      const rest = (node.openPorts ?? []).filter((p) => p !== port);
      return withOpenPorts(node, open ? [...rest, port] : rest);
    }),
  };
}

/** What copy puts on the clipboard: the nodes and the edges between them. */
export interface GraphFragment {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export function copyFragment(graph: ScenarioGraph, nodeIds: Iterable<string>): GraphFragment {
  const ids = new Set(nodeIds);
  return {
    nodes: structuredClone(graph.nodes.filter((n) => ids.has(n.id))),
    edges: structuredClone(graph.edges.filter((e) => ids.has(e.from) && ids.has(e.to))),
  };
}

/** Paste a fragment with fresh ids, shifted by `offset`; returns the new node ids (to select them). */
export function pasteFragment(
  graph: ScenarioGraph,
  fragment: GraphFragment,
  offset: Position,
): { graph: ScenarioGraph; nodeIds: string[] } {
  const ids = new Map<string, string>();
  const takenNodes = new Set<string>();
  const nodes = fragment.nodes.map((node) => {
    const id = nextNodeId(graph, node.type, takenNodes);
    takenNodes.add(id);
    ids.set(node.id, id);
    return {
      ...structuredClone(node),
      id,
      position: roundPosition({ x: node.position.x + offset.x, y: node.position.y + offset.y }),
    };
  });
  const takenEdges = new Set<string>();
  const edges = fragment.edges.flatMap((edge) => {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (!from || !to) return [];
    const id = nextEdgeId(graph, takenEdges);
    takenEdges.add(id);
    return [{ id, from, fromPort: edge.fromPort, to }];
  });
  return {
    graph: { nodes: [...graph.nodes, ...nodes], edges: [...graph.edges, ...edges] },
    nodeIds: nodes.map((n) => n.id),
  };
}

function renamedPorts(before: GraphNode, after: GraphNode): Map<string, string> {
  const renamed = new Map<string, string>();
  if (before.type !== "ab_test" || after.type !== "ab_test") return renamed;
  const old = before.config.variants;
  const next = after.config.variants;
  if (old.length !== next.length) return renamed;
  old.forEach((variant, index) => {
    const code = next[index]?.code;
    if (code !== undefined && code !== variant.code)
      renamed.set(variantPort(variant.code), variantPort(code));
  });
  return renamed;
}

function withOpenPorts(node: GraphNode, openPorts: string[]): GraphNode {
  const rest = { ...node };
  delete rest.openPorts;
  return (openPorts.length > 0 ? { ...rest, openPorts } : rest) as GraphNode;
}

const roundPosition = (p: Position): Position => ({ x: Math.round(p.x), y: Math.round(p.y) });
