import "server-only";
import { findGenericAction } from "@/lib/scenarios/actions";
import { findCriterion } from "@/lib/scenarios/criteria";
import { edgesFrom, type GraphNode, type ScenarioGraph } from "@/lib/scenarios/graph";
import {
  definitionOf,
  isTriggerNode,
  nodePorts,
  triggerEventOf,
} from "@/lib/scenarios/nodes/definitions";
import { portName } from "@/lib/scenarios/nodes/port-name";
import { findTrigger } from "@/lib/scenarios/triggers";

export interface GraphError {
  /** The node the error is about; null for the graph as a whole. */
  nodeId: string | null;
  code: string;
  message: string;
}

/** What exists in the database that a graph may reference. */
export interface GraphReferences {
  templates: ReadonlySet<string>;
  segments: ReadonlySet<string>;
  goals: ReadonlySet<string>;
  banners: ReadonlySet<number>;
}

/**
 * The rules of design.md "Validation before enabling/publishing", over a graph that already parsed. Pure: the
 * references come in. Every error names the node it is about, so the builder can outline it.
 */
export function checkGraph(graph: ScenarioGraph, refs: GraphReferences): GraphError[] {
  const errors: GraphError[] = [];
  const error = (nodeId: string | null, code: string, message: string) =>
    errors.push({ nodeId, code, message });
  const byId = new Map<string, GraphNode>();
  for (const node of graph.nodes) {
    if (byId.has(node.id))
      error(node.id, "duplicate_node_id", `Two nodes share the id "${node.id}".`);
    byId.set(node.id, node);
  }
  const edgeIds = new Set<string>();
  const connections = new Set<string>();
  for (const edge of graph.edges) {
    if (edgeIds.has(edge.id))
      error(edge.from, "duplicate_edge_id", `Two edges share the id "${edge.id}".`);
    edgeIds.add(edge.id);
    const connection = `${edge.from}\u0000${edge.fromPort}\u0000${edge.to}`;
    if (connections.has(connection))
      error(
        edge.from,
        "duplicate_edge",
        `The "${portName(edge.fromPort)}" output is connected to "${edge.to}" twice.`,
      );
    connections.add(connection);
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    if (!from || !to) {
      error(
        from ? edge.from : null,
        "edge_node_missing",
        `Edge ${edge.id} connects a node that does not exist.`,
      );
      continue;
    }
    if (!nodePorts(from).includes(edge.fromPort)) {
      error(
        from.id,
        "edge_port_unknown",
        `${definitionOf(from).label} has no "${portName(edge.fromPort)}" output.`,
      );
    }
    if (isTriggerNode(to))
      error(to.id, "edge_into_trigger", "A trigger starts a run; nothing can lead into it.");
  }

  const triggers = graph.nodes.filter(isTriggerNode);
  if (triggers.length === 0)
    error(null, "no_trigger", "Add a trigger: a scenario starts on an event or before-event.");
  for (const node of triggers) {
    if (!findTrigger(triggerEventOf(node))) {
      error(
        node.id,
        "trigger_unknown",
        `"${triggerEventOf(node)}" is not an event scenarios can start on.`,
      );
    }
  }

  // Which triggers reach each node: reachability and criteria compatibility both follow from it.
  const reachedBy = new Map<string, Set<string>>();
  for (const trigger of triggers) {
    const stack = [trigger.id];
    while (stack.length > 0) {
      const id = stack.pop()!;
      const set = reachedBy.get(id) ?? new Set<string>();
      if (set.has(trigger.id)) continue;
      set.add(trigger.id);
      reachedBy.set(id, set);
      for (const edge of graph.edges)
        if (edge.from === id && byId.has(edge.to)) stack.push(edge.to);
    }
  }

  for (const node of graph.nodes) {
    if (!isTriggerNode(node) && !reachedBy.has(node.id)) {
      error(node.id, "node_unreachable", "No trigger leads here: connect it or delete it.");
    }
    const open = new Set(node.openPorts ?? []);
    for (const port of nodePorts(node)) {
      if (edgesFrom(graph, node.id, port).length === 0 && !open.has(port)) {
        error(
          node.id,
          "port_unconnected",
          `Connect the "${portName(port)}" output, or mark it as left open (the run ends there).`,
        );
      }
    }
    for (const port of open) {
      if (!nodePorts(node).includes(port))
        error(node.id, "open_port_unknown", `"${portName(port)}" is not an output of this node.`);
    }
    checkNodeConfig(node, refs, reachedBy.get(node.id) ?? new Set(), byId, error);
  }

  for (const id of findCycleWithoutPause(graph, byId)) {
    error(
      id,
      "cycle_without_wait",
      "This node is on a loop with no wait or goal in it: the run would never pause.",
    );
  }
  return errors;
}

type Report = (nodeId: string | null, code: string, message: string) => void;

/** The node type's own rules (`check` in its definition), with the server-only registries they may need. */
function checkNodeConfig(
  node: GraphNode,
  refs: GraphReferences,
  reachedBy: Set<string>,
  byId: Map<string, GraphNode>,
  error: Report,
) {
  const reachingTriggers = [...reachedBy].flatMap((id) => {
    const triggerNode = byId.get(id);
    const trigger =
      triggerNode && isTriggerNode(triggerNode) ? findTrigger(triggerEventOf(triggerNode)) : null;
    return trigger ? [trigger] : [];
  });
  definitionOf(node).check?.(node.config, {
    references: refs,
    findAction: findGenericAction,
    findCriterion,
    reachingTriggers,
    report: (code, message) => error(node.id, code, message),
  });
}

/** Nodes on a cycle that passes no node spanning time (wait, goal: they pause a run, so a loop through them is a schedule). */
function findCycleWithoutPause(graph: ScenarioGraph, byId: Map<string, GraphNode>): string[] {
  const pauses = (id: string) => {
    const node = byId.get(id);
    return node !== undefined && definitionOf(node).spansTime;
  };
  const next = new Map<string, string[]>();
  for (const edge of graph.edges) {
    if (!byId.has(edge.from) || !byId.has(edge.to) || pauses(edge.from) || pauses(edge.to))
      continue;
    next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  }
  const state = new Map<string, "open" | "done">();
  const onCycle = new Set<string>();
  const path: string[] = [];
  const visit = (id: string) => {
    state.set(id, "open");
    path.push(id);
    for (const to of next.get(id) ?? []) {
      if (state.get(to) === "open") path.slice(path.indexOf(to)).forEach((n) => onCycle.add(n));
      else if (!state.has(to)) visit(to);
    }
    path.pop();
    state.set(id, "done");
  };
  for (const node of graph.nodes) if (!state.has(node.id)) visit(node.id);
  return [...onCycle];
}
