/** A run's recorded visits as the path the diagram highlights. UI-safe and pure. */
import type { FlowPath } from "./graph-to-flow";

export interface RecordedVisit {
  nodeId: string;
  viaEdgeId: string | null;
  outcome: string | null;
  facts: Record<string, unknown>;
}

/** The one-line reason a visit records: a condition's summary, a goal's missing goals, a variant, an error. */
export function visitNote(facts: Record<string, unknown>): string {
  if (typeof facts.summary === "string") return facts.summary;
  if (Array.isArray(facts.missing) && facts.missing.length > 0)
    return `missing ${facts.missing.join(", ")}`;
  if (typeof facts.variant === "string") return `variant ${facts.variant}`;
  if (typeof facts.error === "string") return facts.error;
  if (typeof facts.reason === "string") return facts.reason;
  return "";
}

/** Visits in the order they happened; a node visited again shows its latest visit. */
export function runPathToFlow(visits: readonly RecordedVisit[]): FlowPath {
  const nodes: FlowPath["nodes"] = {};
  const edges: string[] = [];
  for (const visit of visits) {
    nodes[visit.nodeId] = { outcome: visit.outcome, note: visitNote(visit.facts) };
    if (visit.viaEdgeId && !edges.includes(visit.viaEdgeId)) edges.push(visit.viaEdgeId);
  }
  return { nodes, edges };
}
