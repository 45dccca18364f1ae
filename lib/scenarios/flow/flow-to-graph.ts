/**
 * The other direction: what the canvas reports (React Flow changes and connections) as edits of the domain graph.
 * React Flow never holds state of its own that matters; a change either becomes a graph edit or is view state
 * (selection, measured size) the builder keeps beside the graph. UI-safe and pure.
 */
import type { Connection, NodeChange } from "@xyflow/react";
import type { ScenarioGraph } from "@/lib/scenarios/graph";
import { connect, moveNodes } from "./graph-edits";

/** Position changes (dragging) as one move; every other kind of change leaves the graph as it is. */
export function applyNodeMoves(graph: ScenarioGraph, changes: readonly NodeChange[]): ScenarioGraph {
  const positions: Record<string, { x: number; y: number }> = {};
  for (const change of changes) {
    if (change.type === "position" && change.position) positions[change.id] = change.position;
  }
  return Object.keys(positions).length === 0 ? graph : moveNodes(graph, positions);
}

/** A connection drawn from a source handle (a port) to a node. */
export function applyConnection(graph: ScenarioGraph, connection: Connection): ScenarioGraph {
  if (!connection.sourceHandle) return graph;
  const result = connect(graph, { from: connection.source, fromPort: connection.sourceHandle, to: connection.target });
  return "refused" in result ? graph : result.graph;
}

/** Whether a drag of these changes is still going on (the builder seals the undo step when it ends). */
export const isDragging = (changes: readonly NodeChange[]) => changes.some((c) => c.type === "position" && c.dragging === true);
