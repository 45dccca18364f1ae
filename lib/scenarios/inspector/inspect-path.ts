/**
 * Recorded or simulated visits as the inspector shows them: a decision line per visit and the path to highlight on
 * the graph. A run records the edge each visit came by; a simulation does not, so its edges are the ones leaving each
 * decided port towards a node the simulation went on to visit. UI-safe and pure.
 */
import type { FlowPath } from "@/lib/scenarios/flow/graph-to-flow";
import { edgesFrom, type ScenarioGraph } from "@/lib/scenarios/graph";
import type { CriterionLabel } from "@/lib/scenarios/nodes/visit-lines";
import { explainVisit } from "./describe-visit";
import type { InspectorStep } from "./inspector-types";

export interface VisitRecord {
  nodeId: string;
  nodeType: string;
  outcome: string | null;
  facts: Record<string, unknown>;
  /** A run's recorded edge; absent in a simulation. */
  viaEdgeId?: string | null;
  enteredAt?: Date | string | null;
}

export function inspectPath(
  graph: ScenarioGraph,
  visits: readonly VisitRecord[],
  options: { criteria: readonly CriterionLabel[]; simulated: boolean },
): { steps: InspectorStep[]; flow: FlowPath } {
  const nodesById = new Map(graph.nodes.map((node) => [node.id, node]));
  const seen = new Map<string, number>();
  const flow: FlowPath = { nodes: {}, edges: [] };
  const steps = visits.map((visit): InspectorStep => {
    const count = (seen.get(visit.nodeId) ?? 0) + 1;
    seen.set(visit.nodeId, count);
    const { line, reason } = explainVisit(visit.nodeType, visit.outcome, visit.facts, {
      criteria: options.criteria,
      config: nodesById.get(visit.nodeId)?.config,
      simulated: options.simulated,
    });
    // A node visited again shows its latest visit, as on the run page.
    flow.nodes[visit.nodeId] = { outcome: visit.outcome, note: reason };
    if (visit.viaEdgeId && !flow.edges.includes(visit.viaEdgeId)) flow.edges.push(visit.viaEdgeId);
    const enteredAt = visit.enteredAt ?? null;
    return {
      key: `${visit.nodeId}:${count}`,
      nodeId: visit.nodeId,
      nodeType: visit.nodeType,
      outcome: visit.outcome,
      line,
      facts: visit.facts,
      enteredAt: enteredAt === null ? null : new Date(enteredAt).toISOString(),
    };
  });
  if (options.simulated) flow.edges = simulatedEdges(graph, visits);
  return { steps, flow };
}

function simulatedEdges(graph: ScenarioGraph, visits: readonly VisitRecord[]): string[] {
  const visited = new Set(visits.map((visit) => visit.nodeId));
  const edges = new Set<string>();
  for (const visit of visits) {
    if (visit.outcome === null) continue;
    for (const edge of edgesFrom(graph, visit.nodeId, visit.outcome))
      if (visited.has(edge.to)) edges.add(edge.id);
  }
  return [...edges];
}
