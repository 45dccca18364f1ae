/**
 * One readable line per node visit, from the facts the engine recorded ("condition: payment amount 4.99 < 10 → no"),
 * so an admin sees why a user went where they went without reading JSON. Each node type words its own visits (its
 * definition's `describeVisit`); here are the outcomes every type shares, and types the registry no longer knows.
 * UI-safe and pure.
 */
import { NODE_DEFINITIONS, type NodeType } from "@/lib/scenarios/nodes/definitions";
import {
  type CriterionLabel,
  decision,
  type Facts,
  record,
  text,
  type VisitDescription,
} from "@/lib/scenarios/nodes/visit-lines";

export interface VisitContext {
  /** The criteria registry; without it a condition shows keys and raw operators. */
  criteria?: readonly CriterionLabel[];
  /** The node's config in the graph the visit belongs to: a visit still in progress has no facts yet. */
  config?: unknown;
  /** A simulation's prediction: actions say what they would do. */
  simulated?: boolean;
}

/** The decision line of one visit. */
export function describeVisit(
  nodeType: string,
  outcome: string | null,
  facts: Facts,
  context: VisitContext = {},
): string {
  return explainVisit(nodeType, outcome, facts, context).line;
}

/** The decision line and its reason alone. */
export function explainVisit(
  nodeType: string,
  outcome: string | null,
  facts: Facts,
  context: VisitContext = {},
): VisitDescription {
  const definition = Object.hasOwn(NODE_DEFINITIONS, nodeType)
    ? NODE_DEFINITIONS[nodeType as NodeType]
    : null;
  const name = definition ? definition.label.toLowerCase() : nodeType;
  if (outcome === "cancelled") return stopped(`${name} cancelled`, text(facts.reason));
  if (outcome === "failed")
    return stopped(`${name} failed`, text(facts.error) ?? text(facts.reason));
  if (!definition) return decision(name, "", outcome);
  return definition.describeVisit({
    outcome,
    facts,
    config: record(context.config),
    criteria: context.criteria ?? [],
    simulated: context.simulated ?? false,
  });
}

function stopped(subject: string, why: string | null): VisitDescription {
  return { line: why ? `${subject}: ${why}` : subject, reason: why ?? "" };
}
