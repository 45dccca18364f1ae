"use client";

import "@xyflow/react/dist/style.css";
import {
  Background,
  type Connection,
  Controls,
  type Edge,
  type EdgeChange,
  type FitViewOptions,
  MiniMap,
  type NodeChange,
  type OnDelete,
  ReactFlow,
  type ReactFlowState,
  useStore,
} from "@xyflow/react";
import {
  type DragEvent,
  type MouseEvent as ReactMouseEvent,
  type ReactNode,
  useCallback,
  useMemo,
  useRef,
  useLayoutEffect,
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

// Everything handed to React Flow is a constant or a stable callback: a prop that changes makes React Flow update its
// store, and every node's wrapper checks the store again, so new objects on each drag frame would cost 300 checks.
const FLOW_NODE_TYPES = { scenario: ScenarioFlowNodeComponent };
const DELETE_KEYS = ["Delete", "Backspace"];
const MULTI_SELECTION_KEYS = ["Meta", "Control"];
const FIT_VIEW_OPTIONS: FitViewOptions = { padding: 0.2, maxZoom: 1 };
const PRO_OPTIONS = { hideAttribution: true };
/**
 * Below this zoom a node's summary, counts and port labels are under 6 px tall: the canvas (class
 * `builder-zoomed-out`, globals.css) hides them and the edge labels, and keeps each card, its icon and type. A pan
 * frame then paints far less; the selector's answer changes only when the zoom crosses the line.
 */
const READABLE_ZOOM = 0.4;
const zoomedOut = (state: ReactFlowState) => state.transform[2] < READABLE_ZOOM;
const DEFAULT_EDGE_OPTIONS = { type: "smoothstep" };
const MINIMAP_STYLE = { width: 150, height: 100 };
const LABEL_PADDING: [number, number] = [4, 2];
const NO_COUNTS: Record<string, number> = {};
const minimapColor = (node: ScenarioFlowNode) => GROUP_COLOR[node.data.group];

export interface CanvasSelection {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export type ContextTarget = { kind: "node" | "edge"; id: string } | { kind: "pane" };

type Size = { width: number; height: number };
type Position = { x: number; y: number };

/** What a node's drawing depends on besides its domain node; compared item by item to reuse the drawing. */
type NodeInputs = [
  counts: Record<string, number> | null,
  visit: FlowPath["nodes"][string] | null | undefined,
  errors: string[] | undefined,
  selected: boolean,
  size: Size | undefined,
  readOnly: boolean,
];

/**
 * The canvas: React Flow drawing the domain graph. Nodes and edges are derived from it, but each node's React Flow
 * object is reused while its domain node and what it shows are the same, and a drag frame only swaps the dragged
 * nodes' positions into the derived list: dragging one node of 300 re-renders one node and does no work per node.
 * Every change React Flow reports goes back up as an event; nothing but the drag in progress is kept here.
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
  onNodesMoved(positions: Record<string, Position>): void;
  onEdgesChange(changes: EdgeChange[]): void;
  onConnect(connection: Connection): void;
  onDelete(nodeIds: string[], edgeIds: string[]): void;
  /** A node type dropped from the palette, where the pointer let go (screen pixels). */
  onDropNode(type: NodeType, at: Position): void;
  onContextMenu(target: ContextTarget, at: Position): void;
  onReady(): void;
  children?: ReactNode;
}) {
  // Fit the view to what is there when the page opens; an empty canvas keeps the plain viewport, so the first node
  // dropped stays where it was dropped instead of jumping to the middle once React Flow has measured it.
  const [fitOnOpen] = useState(graph.nodes.length > 0);
  // Where dragged nodes are while the drag lasts; the graph hears of it once, when the drag ends.
  const [dragging, setDragging] = useState<Record<string, Position> | null>(null);
  const draggingNow = useRef(dragging);
  // A memo table, not view state: filled during render, never read to decide what to render beyond reuse.
  const [cache] = useState(
    () => new WeakMap<GraphNode, { inputs: NodeInputs; node: ScenarioFlowNode }>(),
  );
  // The latest props for the callbacks React Flow holds, which stay the same objects from render to render.
  const props = {
    graph,
    readOnly,
    onNodesChange,
    onNodesMoved,
    onDelete,
    onDropNode,
    onContextMenu,
  };
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });

  const drawn = useMemo(
    () =>
      graph.nodes.map((node) => {
        const inputs: NodeInputs = [
          statistics ? (statistics.nodes[node.id] ?? NO_COUNTS) : null,
          path ? (path.nodes[node.id] ?? null) : undefined,
          errorsByNode.get(node.id),
          selection.nodes.has(node.id),
          measured[node.id],
          readOnly,
        ];
        const hit = cache.get(node);
        if (hit && hit.inputs.every((input, i) => input === inputs[i])) return hit.node;
        const [counts, visit, errors, selected, size] = inputs;
        // The drawing's data is kept while what it shows holds (the first three inputs): a new size or selection
        // then makes a new node object, but the memoized node component does not draw again for it.
        const sameData = hit && hit.inputs.slice(0, 3).every((input, i) => input === inputs[i]);
        const derived = sameData ? hit.node : flowNodeOf(node, counts, visit, errors);
        const flowNode: ScenarioFlowNode = {
          id: derived.id,
          type: derived.type,
          position: derived.position,
          data: derived.data,
          selected,
          ...(size ? { measured: size } : {}),
          draggable: !readOnly,
          connectable: !readOnly,
          deletable: !readOnly,
        };
        cache.set(node, { inputs, node: flowNode });
        return flowNode;
      }),
    [cache, graph.nodes, statistics, path, errorsByNode, selection.nodes, measured, readOnly],
  );
  const nodes = useMemo(
    () =>
      dragging
        ? drawn.map((node) =>
            dragging[node.id] ? { ...node, position: dragging[node.id]! } : node,
          )
        : drawn,
    [drawn, dragging],
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
      labelBgPadding: LABEL_PADDING,
      labelBgBorderRadius: 4,
    }));
  }, [graph.edges, statistics, path, selection.edges, readOnly]);

  const handleNodesChange = useCallback((changes: NodeChange<ScenarioFlowNode>[]) => {
    const { readOnly, onNodesChange, onNodesMoved } = latest.current;
    const others = changes.filter((change) => change.type !== "position");
    if (others.length > 0) onNodesChange(others);
    if (readOnly || others.length === changes.length) return;
    const next = trackDrag(draggingNow.current, changes);
    draggingNow.current = next.dragging;
    setDragging(next.dragging);
    if (next.moved) onNodesMoved(next.moved);
  }, []);

  const isValidConnection = useCallback(
    (link: Edge | Connection) =>
      !!link.sourceHandle &&
      !(
        "refused" in
        connect(latest.current.graph, {
          from: link.source,
          fromPort: link.sourceHandle,
          to: link.target,
        })
      ),
    [],
  );

  const handleDelete = useCallback<OnDelete<ScenarioFlowNode, Edge>>(
    ({ nodes: removed, edges: removedEdges }) =>
      latest.current.onDelete(
        removed.map((n) => n.id),
        removedEdges.map((e) => e.id),
      ),
    [],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (latest.current.readOnly || !event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
  }, []);

  const onDrop = useCallback((event: DragEvent) => {
    const type = event.dataTransfer.getData(PALETTE_MIME) as NodeType;
    if (latest.current.readOnly || !NODE_TYPES.includes(type)) return;
    event.preventDefault();
    latest.current.onDropNode(type, { x: event.clientX, y: event.clientY });
  }, []);

  const menus = useMemo(() => {
    const open = (target: ContextTarget, event: ReactMouseEvent | MouseEvent) => {
      event.preventDefault();
      latest.current.onContextMenu(target, { x: event.clientX, y: event.clientY });
    };
    return {
      node: (event: ReactMouseEvent, node: ScenarioFlowNode) =>
        open({ kind: "node", id: node.id }, event),
      edge: (event: ReactMouseEvent, edge: Edge) => open({ kind: "edge", id: edge.id }, event),
      pane: (event: ReactMouseEvent | MouseEvent) => open({ kind: "pane" }, event),
    };
  }, []);

  const farOut = useStore(zoomedOut);

  return (
    <ReactFlow<ScenarioFlowNode, Edge>
      className={farOut ? "builder-zoomed-out" : undefined}
      nodes={nodes}
      edges={edges}
      nodeTypes={FLOW_NODE_TYPES}
      onNodesChange={handleNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      isValidConnection={isValidConnection}
      onDelete={handleDelete}
      onDragOver={onDragOver}
      onDrop={onDrop}
      onNodeContextMenu={menus.node}
      onEdgeContextMenu={menus.edge}
      onPaneContextMenu={menus.pane}
      onInit={onReady}
      nodesDraggable={!readOnly}
      nodesConnectable={!readOnly}
      edgesReconnectable={false}
      deleteKeyCode={readOnly ? null : DELETE_KEYS}
      selectionOnDrag={false}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={MULTI_SELECTION_KEYS}
      fitView={fitOnOpen}
      fitViewOptions={FIT_VIEW_OPTIONS}
      minZoom={0.1}
      maxZoom={2}
      proOptions={PRO_OPTIONS}
      defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
    >
      <Background gap={16} />
      <Controls showInteractive={false} position="bottom-left" />
      <MiniMap<ScenarioFlowNode>
        pannable
        zoomable
        position="bottom-right"
        style={MINIMAP_STYLE}
        nodeColor={minimapColor}
        ariaLabel="Minimap"
      />
      {children}
    </ReactFlow>
  );
}
