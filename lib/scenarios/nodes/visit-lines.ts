/**
 * The pieces node definitions build their inspector lines from ("condition: payment amount 4.99 < 10 → no"). UI-safe
 * and pure: facts and configs are stored JSON, read defensively, since old runs may carry shapes an executor no longer
 * writes.
 */
import type { CriterionOption } from "@/lib/scenarios/builder-option-types";
import { portName } from "./port-name";

export type Facts = Record<string, unknown>;

/** What a line needs to know about a criterion: the registry's label, operator labels and value format. */
export type CriterionLabel = Pick<
  CriterionOption,
  "kind" | "key" | "label" | "operators" | "valueInput"
>;

/** One visit as a node type's definition describes it. */
export interface VisitToDescribe {
  /** The port taken, or null while the visit is in progress (or, simulated, where the path stops). */
  outcome: string | null;
  facts: Facts;
  /** The node's config in the graph the visit belongs to: a visit still in progress has no facts yet. */
  config: Facts;
  /** The criteria registry; without it a condition shows keys and raw operators. */
  criteria: readonly CriterionLabel[];
  /** A simulation's prediction: actions say what they would do. */
  simulated: boolean;
}

export interface VisitDescription {
  /** The whole decision: "condition: payment amount 4.99 < 10 → no". */
  line: string;
  /** The facts without the node and the outcome ("payment amount 4.99 < 10"), for a node that shows its outcome. */
  reason: string;
}

/** "subject: reason → outcome"; "subject: in progress" while the visit has no outcome yet. */
export function decision(
  subject: string,
  reason: string,
  outcome: string | null,
): VisitDescription {
  if (outcome === null) return { line: `${subject}: in progress`, reason: "in progress" };
  return { line: `${reason ? `${subject}: ${reason}` : subject} → ${portName(outcome)}`, reason };
}

/** An action's line: what it did, or (simulated) what it would do. */
export function actionLine(
  subject: string,
  visit: VisitToDescribe,
  verbs: { done: string; planned: string },
): VisitDescription {
  if (visit.outcome === null) {
    const state = visit.simulated ? "not possible" : "in progress";
    return { line: `${subject}: ${state}`, reason: state };
  }
  const verb = visit.simulated ? verbs.planned : verbs.done;
  return { line: `${subject} ${verb}`, reason: verb };
}

export function record(value: unknown): Facts {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Facts)
    : {};
}

export function text(value: unknown): string | null {
  if (typeof value === "string" && value !== "") return value;
  if (typeof value === "number") return String(value);
  return null;
}

export function list(value: unknown): string[] | null {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : null;
}

/** How a trigger node's visit reads: the run entered on its event (`before:<trigger>` for a before-event). */
export function triggerVisitLine({ facts }: VisitToDescribe): VisitDescription {
  return {
    line: `entered on ${text(facts.event) ?? "its trigger"}`,
    reason: text(facts.event) ?? "",
  };
}
