import "server-only";
import { findGenericAction } from "@/lib/scenarios/actions";
import { findCriterion } from "@/lib/scenarios/criteria";
import {
  MAX_GOAL_CHECKS,
  edgesFrom,
  type GraphNode,
  isTriggerNode,
  NODE_TYPE_META,
  nodePorts,
  type ScenarioGraph,
  triggerEventOf,
} from "@/lib/scenarios/graph";
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
  const error = (nodeId: string | null, code: string, message: string) => errors.push({ nodeId, code, message });
  const byId = new Map<string, GraphNode>();
  for (const node of graph.nodes) {
    if (byId.has(node.id)) error(node.id, "duplicate_node_id", `Two nodes share the id "${node.id}".`);
    byId.set(node.id, node);
  }
  const edgeIds = new Set<string>();
  const connections = new Set<string>();
  for (const edge of graph.edges) {
    if (edgeIds.has(edge.id)) error(edge.from, "duplicate_edge_id", `Two edges share the id "${edge.id}".`);
    edgeIds.add(edge.id);
    const connection = `${edge.from}\u0000${edge.fromPort}\u0000${edge.to}`;
    if (connections.has(connection)) error(edge.from, "duplicate_edge", `The "${edge.fromPort}" output is connected to "${edge.to}" twice.`);
    connections.add(connection);
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    if (!from || !to) {
      error(from ? edge.from : null, "edge_node_missing", `Edge ${edge.id} connects a node that does not exist.`);
      continue;
    }
    if (!nodePorts(from).includes(edge.fromPort)) {
      error(from.id, "edge_port_unknown", `${NODE_TYPE_META[from.type].label} has no "${edge.fromPort}" output.`);
    }
    if (isTriggerNode(to)) error(to.id, "edge_into_trigger", "A trigger starts a run; nothing can lead into it.");
  }

  const triggers = graph.nodes.filter(isTriggerNode);
  if (triggers.length === 0) error(null, "no_trigger", "Add a trigger: a scenario starts on an event or before-event.");
  for (const node of triggers) {
    if (!findTrigger(triggerEventOf(node))) {
      error(node.id, "trigger_unknown", `"${triggerEventOf(node)}" is not an event scenarios can start on.`);
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
      for (const edge of graph.edges) if (edge.from === id && byId.has(edge.to)) stack.push(edge.to);
    }
  }

  for (const node of graph.nodes) {
    if (!isTriggerNode(node) && !reachedBy.has(node.id)) {
      error(node.id, "node_unreachable", "No trigger leads here: connect it or delete it.");
    }
    const open = new Set(node.openPorts ?? []);
    for (const port of nodePorts(node)) {
      if (edgesFrom(graph, node.id, port).length === 0 && !open.has(port)) {
        error(node.id, "port_unconnected", `Connect the "${port}" output, or mark it as left open (the run ends there).`);
      }
    }
    for (const port of open) {
      if (!nodePorts(node).includes(port)) error(node.id, "open_port_unknown", `"${port}" is not an output of this node.`);
    }
    checkNodeConfig(node, refs, reachedBy.get(node.id) ?? new Set(), byId, error);
  }

  for (const id of findCycleWithoutPause(graph, byId)) {
    error(id, "cycle_without_wait", "This node is on a loop with no wait or goal in it: the run would never pause.");
  }
  return errors;
}

type Report = (nodeId: string | null, code: string, message: string) => void;

function checkNodeConfig(node: GraphNode, refs: GraphReferences, reachedBy: Set<string>, byId: Map<string, GraphNode>, error: Report) {
  switch (node.type) {
    case "email":
      if (!refs.templates.has(node.config.template)) {
        error(node.id, "template_not_found", `There is no email template "${node.config.template}".`);
      }
      return;
    case "banner":
      if (!refs.banners.has(node.config.bannerId)) error(node.id, "banner_not_found", `There is no banner #${node.config.bannerId}.`);
      return;
    case "segment":
      if (!refs.segments.has(node.config.segment)) error(node.id, "segment_not_found", `There is no segment "${node.config.segment}".`);
      return;
    case "goal": {
      for (const code of node.config.goals) {
        if (!refs.goals.has(code)) error(node.id, "goal_not_found", `There is no goal "${code}".`);
      }
      // Every recheck is two durable steps, and a run may take at most 1,000.
      const checks = Math.ceil((node.config.timeoutMinutes ?? 525_600) / node.config.recheckMinutes);
      if (checks > MAX_GOAL_CHECKS) {
        error(node.id, "goal_recheck_too_frequent", `Recheck at most ${MAX_GOAL_CHECKS} times: make the period longer or the timeout shorter.`);
      }
      return;
    }
    case "ab_test": {
      const total = node.config.variants.reduce((sum, v) => sum + v.percent, 0);
      if (total !== 100) error(node.id, "ab_percent_sum", `Variant percentages add up to ${total}; they must add up to 100.`);
      const codes = node.config.variants.map((v) => v.code);
      if (new Set(codes).size !== codes.length) error(node.id, "ab_variant_duplicate", "Two variants share a code.");
      return;
    }
    case "generic": {
      const action = findGenericAction(node.config.action);
      if (!action) {
        error(node.id, "action_unknown", `There is no action "${node.config.action}".`);
        return;
      }
      const parsed = action.params.safeParse(node.config.params);
      if (!parsed.success) {
        error(node.id, "action_params_invalid", `${action.label}: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
      }
      return;
    }
    case "condition":
      node.config.criteria.forEach((criterion, index) => {
        const label = `Criterion ${index + 1}`;
        const definition = findCriterion(criterion.kind, criterion.key);
        if (!definition) {
          error(node.id, "criterion_unknown", `${label}: there is no ${criterion.kind} criterion "${criterion.key}".`);
          return;
        }
        if (!definition.operators.some((o) => o.op === criterion.operator)) {
          error(node.id, "criterion_operator_invalid", `${label} (${definition.label}): "${criterion.operator}" is not one of its operators.`);
        }
        const parsed = definition.value.safeParse(criterion.value);
        if (!parsed.success) {
          error(node.id, "criterion_value_invalid", `${label} (${definition.label}): ${parsed.error.issues.map((i) => i.message).join("; ")}`);
        }
        if (definition.requires) {
          for (const triggerId of reachedBy) {
            const triggerNode = byId.get(triggerId);
            if (!triggerNode || !isTriggerNode(triggerNode)) continue;
            const trigger = findTrigger(triggerEventOf(triggerNode));
            if (trigger && !trigger.provides.includes(definition.requires)) {
              error(
                node.id,
                "criterion_incompatible",
                `${label} (${definition.label}) needs a ${definition.requires.replace("_", " ")}, but the trigger "${trigger.label}" carries none.`,
              );
            }
          }
        }
      });
      return;
    default:
      return;
  }
}

/** Nodes on a cycle that passes no `wait` or `goal` (those pause a run, so a loop through them is a schedule). */
function findCycleWithoutPause(graph: ScenarioGraph, byId: Map<string, GraphNode>): string[] {
  const pauses = (id: string) => {
    const type = byId.get(id)?.type;
    return type === "wait" || type === "goal";
  };
  const next = new Map<string, string[]>();
  for (const edge of graph.edges) {
    if (!byId.has(edge.from) || !byId.has(edge.to) || pauses(edge.from) || pauses(edge.to)) continue;
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
