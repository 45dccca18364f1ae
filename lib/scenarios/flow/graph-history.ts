/**
 * Undo/redo for the builder: a list of whole graphs (edits share unchanged nodes, so a step costs little). Edits
 * that belong together — the keystrokes in one node's form — carry the same `group` and become one step until the
 * history is sealed (another edit, a selection change). UI-safe and pure.
 */
import type { ScenarioGraph } from "@/lib/scenarios/graph";

export const HISTORY_LIMIT = 100;

export interface GraphHistory {
  past: ScenarioGraph[];
  present: ScenarioGraph;
  future: ScenarioGraph[];
  /** The group of the last edit while it may still grow; null once sealed. */
  openGroup: string | null;
}

export function createHistory(graph: ScenarioGraph): GraphHistory {
  return { past: [], present: graph, future: [], openGroup: null };
}

/** Record an edit. An unchanged graph records nothing; an edit in the open group replaces that group's step. */
export function recordEdit(
  history: GraphHistory,
  next: ScenarioGraph,
  group: string | null = null,
): GraphHistory {
  if (next === history.present) return history;
  if (group !== null && group === history.openGroup)
    return { ...history, present: next, future: [] };
  const past = [...history.past, history.present];
  return {
    past: past.length > HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT) : past,
    present: next,
    future: [],
    openGroup: group,
  };
}

/** End the open group: the next edit is a step of its own even in the same group. */
export function seal(history: GraphHistory): GraphHistory {
  return history.openGroup === null ? history : { ...history, openGroup: null };
}

export function undo(history: GraphHistory): GraphHistory {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
    openGroup: null,
  };
}

export function redo(history: GraphHistory): GraphHistory {
  const [next, ...future] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future, openGroup: null };
}

export const canUndo = (history: GraphHistory) => history.past.length > 0;
export const canRedo = (history: GraphHistory) => history.future.length > 0;
