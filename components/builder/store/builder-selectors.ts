/** What the builder shows, derived from its state. Pure, like the reducer. */
import type { CanvasSelection } from "@/components/builder/builder-canvas";
import type { FlowStatistics } from "@/lib/scenarios/flow/graph-to-flow";
import type { GraphNode, ScenarioGraph } from "@/lib/scenarios/graph";
import type { ScenarioStats } from "@/lib/scenarios/stats/get-scenario-stats";
import type { BuilderState } from "./builder-state";

/** The graph on the canvas: a run's path, else a published version, else the draft. */
export function shownGraph(
  state: Pick<BuilderState, "history" | "viewing" | "inspected">,
): ScenarioGraph {
  return state.inspected?.graph ?? state.viewing?.graph ?? state.history.present;
}

/** Only the draft of a scenario that is not deleted can be edited. */
export function isReadOnly(
  state: Pick<BuilderState, "deleted" | "viewing" | "inspected">,
): boolean {
  return state.deleted || state.viewing !== null || state.inspected !== null;
}

/**
 * The selection less what the shown graph no longer has (an undo or a delete took it away). The chosen selection
 * itself when nothing is missing, so the canvas sees the same object and re-renders nothing.
 */
export function visibleSelection(
  state: Pick<BuilderState, "chosen" | "history" | "viewing" | "inspected">,
): CanvasSelection {
  const { chosen } = state;
  const graph = shownGraph(state);
  const nodes = new Set(graph.nodes.map((n) => n.id));
  const edges = new Set(graph.edges.map((e) => e.id));
  const kept = {
    nodes: new Set([...chosen.nodes].filter((id) => nodes.has(id))),
    edges: new Set([...chosen.edges].filter((id) => edges.has(id))),
  };
  return kept.nodes.size === chosen.nodes.size && kept.edges.size === chosen.edges.size
    ? chosen
    : kept;
}

/** The node whose form the panel shows: the one selected node, if exactly one is. */
export function selectedNode(graph: ScenarioGraph, selection: CanvasSelection): GraphNode | null {
  return selection.nodes.size === 1
    ? (graph.nodes.find((n) => selection.nodes.has(n.id)) ?? null)
    : null;
}

/** Each node's problems, once the author asked to see them; none on a read-only graph, which is not the draft. */
export function errorsByNode(
  state: Pick<BuilderState, "errors" | "showErrors" | "deleted" | "viewing" | "inspected">,
): Map<string, string[]> {
  const map = new Map<string, string[]>();
  if (!state.showErrors || isReadOnly(state)) return map;
  for (const error of state.errors) {
    if (error.nodeId) map.set(error.nodeId, [...(map.get(error.nodeId) ?? []), error.message]);
  }
  return map;
}

/** The counts drawn on the canvas for the chosen period; none while they are hidden or a run's path is shown. */
export function flowStatistics(
  state: Pick<BuilderState, "stats" | "inspected">,
  stats: ScenarioStats | null,
): FlowStatistics | null {
  if (!state.stats.show || !stats || state.inspected) return null;
  const period = state.stats.period;
  return {
    nodes: Object.fromEntries(
      Object.entries(stats.nodes).map(([id, counts]) => [id, counts[period]]),
    ),
    edges: Object.fromEntries(
      Object.entries(stats.edges).map(([id, counts]) => [id, counts[period]]),
    ),
  };
}
