"use client";

import "@xyflow/react/dist/style.css";
import {
  Background,
  type Connection,
  Controls,
  type Edge,
  type EdgeChange,
  MiniMap,
  type NodeChange,
  ReactFlow,
  useReactFlow,
} from "@xyflow/react";
import {
  type DragEvent,
  type MouseEvent as ReactMouseEvent,
  type ReactNode,
  useMemo,
  useState,
} from "react";
import { trackDrag } from "@/lib/scenarios/flow/flow-to-graph";
import { connect } from "@/lib/scenarios/flow/graph-edits";
import {
  type FlowPath,
  type FlowStatistics,
  flowEdgeOf,
  flowNodeOf,
  type ScenarioFlowNode,
} from "@/lib/scenarios/flow/graph-to-flow";
import type { GraphNode, ScenarioGraph } from "@/lib/scenarios/graph";
import { NODE_TYPES, type NodeType } from "@/lib/scenarios/nodes/definitions";
import { PALETTE_MIME } from "./builder-palette";
import { GROUP_COLOR, ScenarioFlowNodeComponent } from "./scenario-flow-node";

const FLOW_NODE_TYPES = { scenario: ScenarioFlowNodeComponent };
const DELETE_KEYS = ["Delete", "Backspace"];

export interface CanvasSelection {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export type ContextTarget = { kind: "node" | "edge"; id: string } | { kind: "pane" };

type Size = { width: number; height: number };

/**
 * The canvas: React Flow drawing the domain graph. Nodes and edges are derived on every change, but each node's
 * React Flow object is reused while its domain node and view state are the same, so dragging one node of 300
 * re-renders one node. Every change React Flow reports goes back up as an event; nothing is kept here.
 */
export function BuilderCanvas({
  graph,
  readOnly,
  selection,
  measured,
  errorsByNode,
  statistics,
  path,
  onNodesChange,
  onNodesMoved,
  onEdgesChange,
  onConnect,
  onDelete,
  onDropNode,
  onContextMenu,
  onReady,
  children,
}: {
  graph: ScenarioGraph;
  readOnly: boolean;
  selection: CanvasSelection;
  measured: Readonly<Record<string, Size>>;
  errorsByNode: ReadonlyMap<string, string[]>;
  statistics: FlowStatistics | null;
  path: FlowPath | null;
  /** Every change but positions: selection, measured sizes. */
  onNodesChange(changes: NodeChange<ScenarioFlowNode>[]): void;
  /** Nodes moved: at the end of a drag, or by arrow keys. */
  onNodesMoved(positions: Record<string, { x: number; y: number }>): void;
  onEdgesChange(changes: EdgeChange[]): void;
  onConnect(connection: Connection): void;
  onDelete(nodeIds: string[], edgeIds: string[]): void;
  onDropNode(type: NodeType, position: { x: number; y: number }): void;
  onContextMenu(target: ContextTarget, at: { x: number; y: number }): void;
  onReady(): void;
  children?: ReactNode;
}) {
  const { screenToFlowPosition } = useReactFlow();
  // Fit the view to what is there when the page opens; an empty canvas keeps the plain viewport, so the first node
  // dropped stays where it was dropped instead of jumping to the middle once React Flow has measured it.
  const [fitOnOpen] = useState(graph.nodes.length > 0);
  // Where dragged nodes are while the drag lasts; the graph hears of it once, when the drag ends.
  const [dragging, setDragging] = useState<Record<string, { x: number; y: number }> | null>(null);
  // A memo table, not view state: filled during render, never read to decide what to render beyond reuse.
  const [cache] = useState(() => new WeakMap<GraphNode, { key: string; node: ScenarioFlowNode }>());

  const nodes = useMemo(
    () =>
      graph.nodes
        .map((node) => {
          const counts = statistics ? (statistics.nodes[node.id] ?? {}) : null;
          const visit = path ? (path.nodes[node.id] ?? null) : undefined;
          const errors = errorsByNode.get(node.id);
          const selected = selection.nodes.has(node.id);
          const size = measured[node.id];
          const key = JSON.stringify([counts, visit, errors, selected, size, readOnly]);
          const hit = cache.get(node);
          if (hit && hit.key === key) return hit.node;
          const flowNode: ScenarioFlowNode = {
            ...flowNodeOf(node, counts, visit, errors),
            selected,
            ...(size ? { measured: size } : {}),
            draggable: !readOnly,
            connectable: !readOnly,
            deletable: !readOnly,
          };
          cache.set(node, { key, node: flowNode });
          return flowNode;
        })
        .map((flowNode) =>
          dragging?.[flowNode.id] ? { ...flowNode, position: dragging[flowNode.id]! } : flowNode,
        ),
    [
      cache,
      graph.nodes,
      statistics,
      path,
      errorsByNode,
      selection.nodes,
      measured,
      readOnly,
      dragging,
    ],
  );

  const edges = useMemo((): Edge[] => {
    const taken = path ? new Set(path.edges) : null;
    return graph.edges.map((edge) => ({
      ...flowEdgeOf(
        edge,
        statistics ? (statistics.edges[edge.id] ?? 0) : null,
        taken ? taken.has(edge.id) : null,
      ),
      selected: selection.edges.has(edge.id),
      deletable: !readOnly,
      labelBgPadding: [4, 2] as [number, number],
      labelBgBorderRadius: 4,
    }));
  }, [graph.edges, statistics, path, selection.edges, readOnly]);

  function handleNodesChange(changes: NodeChange<ScenarioFlowNode>[]) {
    const others = changes.filter((change) => change.type !== "position");
    if (others.length > 0) onNodesChange(others);
    if (readOnly || others.length === changes.length) return;
    const next = trackDrag(dragging, changes);
    setDragging(next.dragging);
    if (next.moved) onNodesMoved(next.moved);
  }

  function onDragOver(event: DragEvent) {
    if (readOnly || !event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
  }

  function onDrop(event: DragEvent) {
    const type = event.dataTransfer.getData(PALETTE_MIME) as NodeType;
    if (readOnly || !NODE_TYPES.includes(type)) return;
    event.preventDefault();
    const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
    // The drop point is where the pointer held the card: about its top middle.
    onDropNode(type, { x: at.x - 120, y: at.y - 20 });
  }

  const menu = (target: ContextTarget) => (event: ReactMouseEvent | MouseEvent) => {
    event.preventDefault();
    onContextMenu(target, { x: event.clientX, y: event.clientY });
  };

  return (
    <ReactFlow<ScenarioFlowNode, Edge>
      nodes={nodes}
      edges={edges}
      nodeTypes={FLOW_NODE_TYPES}
      onNodesChange={handleNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      isValidConnection={(link) =>
        !!link.sourceHandle &&
        !(
          "refused" in
          connect(graph, { from: link.source, fromPort: link.sourceHandle, to: link.target })
        )
      }
      onDelete={({ nodes: removed, edges: removedEdges }) =>
        onDelete(
          removed.map((n) => n.id),
          removedEdges.map((e) => e.id),
        )
      }
      onDragOver={onDragOver}
      onDrop={onDrop}
      onNodeContextMenu={(event, node) => menu({ kind: "node", id: node.id })(event)}
      onEdgeContextMenu={(event, edge) => menu({ kind: "edge", id: edge.id })(event)}
      onPaneContextMenu={(event) => menu({ kind: "pane" })(event)}
      onInit={onReady}
      nodesDraggable={!readOnly}
      nodesConnectable={!readOnly}
      edgesReconnectable={false}
      deleteKeyCode={readOnly ? null : DELETE_KEYS}
      selectionOnDrag={false}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={["Meta", "Control"]}
      fitView={fitOnOpen}
      fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
      minZoom={0.1}
      maxZoom={2}
      proOptions={{ hideAttribution: true }}
      defaultEdgeOptions={{ type: "smoothstep" }}
    >
      <Background gap={16} />
      <Controls showInteractive={false} position="bottom-left" />
      <MiniMap<ScenarioFlowNode>
        pannable
        zoomable
        position="bottom-right"
        style={{ width: 150, height: 100 }}
        nodeColor={(node) => GROUP_COLOR[node.data.group]}
        ariaLabel="Minimap"
      />
      {children}
    </ReactFlow>
  );
}
