/**
 * The other direction: what the canvas reports (React Flow changes and connections) as edits of the domain graph.
 * A change either becomes a graph edit or is view state the builder keeps beside the graph (selection, measured
 * sizes, where a node is while it is being dragged). UI-safe and pure.
 */
import type { Connection, NodeChange } from "@xyflow/react";
import type { ScenarioGraph } from "@/lib/scenarios/graph";
import { connect } from "./graph-edits";

type Positions = Record<string, { x: number; y: number }>;

/**
 * Position changes during a drag move nodes on the canvas only (`dragging`); the graph gets one move when the drag
 * ends (`moved`), so a drag is one edit and one undo step, and the rest of the builder does not re-render per frame.
 * A move that is not a drag (arrow keys) is `moved` at once.
 */
export function trackDrag(
  dragging: Positions | null,
  changes: readonly NodeChange[],
): { dragging: Positions | null; moved: Positions | null } {
  let live = dragging;
  let moved: Positions | null = null;
  for (const change of changes) {
    if (change.type !== "position") continue;
    if (change.dragging) {
      if (change.position) live = { ...(live ?? {}), [change.id]: change.position };
    } else if (change.dragging === false) {
      // The end of a drag: everything dragged lands, this node where the last frame (or this change) put it.
      moved = {
        ...(moved ?? {}),
        ...(live ?? {}),
        ...(change.position ? { [change.id]: change.position } : {}),
      };
      live = null;
    } else if (change.position) {
      moved = { ...(moved ?? {}), [change.id]: change.position };
    }
  }
  return { dragging: live, moved };
}

/** A connection drawn from a source handle (a port) to a node. */
export function applyConnection(graph: ScenarioGraph, connection: Connection): ScenarioGraph {
  if (!connection.sourceHandle) return graph;
  const result = connect(graph, {
    from: connection.source,
    fromPort: connection.sourceHandle,
    to: connection.target,
  });
  return "refused" in result ? graph : result.graph;
}
