/**
 * One readable line per node visit, from the facts the engine recorded ("condition: payment amount 4.99 < 10 → no"),
 * so an admin sees why a user went where they went without reading JSON. UI-safe and pure: the facts are stored JSON
 * and are read defensively, since old runs may carry shapes an executor no longer writes.
 */
import type { CriterionOption } from "@/components/builder/builder-options";
import { formatMinutes, NODE_TYPE_META, type NodeType } from "@/lib/scenarios/graph";
import { centsToDecimal } from "@/lib/money";

/** What a line needs to know about a criterion: the registry's label, operator labels and value format. */
export type CriterionLabel = Pick<CriterionOption, "kind" | "key" | "label" | "operators" | "valueInput">;

export interface VisitContext {
  /** The criteria registry; without it a condition shows keys and raw operators. */
  criteria?: readonly CriterionLabel[];
  /** The node's config in the graph the visit belongs to: a visit still in progress has no facts yet. */
  config?: unknown;
  /** A simulation's prediction: actions say what they would do. */
  simulated?: boolean;
}

export interface VisitDescription {
  /** The whole decision: "condition: payment amount 4.99 < 10 → no". */
  line: string;
  /** The facts without the node and the outcome ("payment amount 4.99 < 10"), for a node that shows its outcome. */
  reason: string;
}

type Facts = Record<string, unknown>;

/** The decision line of one visit. */
export function describeVisit(nodeType: string, outcome: string | null, facts: Facts, context: VisitContext = {}): string {
  return explainVisit(nodeType, outcome, facts, context).line;
}

/** The decision line and its reason alone. */
export function explainVisit(nodeType: string, outcome: string | null, facts: Facts, context: VisitContext = {}): VisitDescription {
  const name = typeName(nodeType);
  if (outcome === "cancelled") return stopped(`${name} cancelled`, text(facts.reason));
  if (outcome === "failed") return stopped(`${name} failed`, text(facts.error) ?? text(facts.reason));
  const config = record(context.config);
  switch (nodeType) {
    case "event":
    case "before_event":
      return { line: `entered on ${text(facts.event) ?? "its trigger"}`, reason: text(facts.event) ?? "" };
    case "condition":
      return decision("condition", conditionReason(facts, context.criteria ?? []), outcome);
    case "segment":
      return segmentLine(facts, config, outcome);
    case "ab_test":
      return abTestLine(facts, outcome);
    case "wait":
      return waitLine(facts, config, outcome);
    case "goal":
      return goalLine(facts, config, outcome);
    case "email":
      return actionLine(`email ${text(facts.template) ?? text(config.template) ?? "?"}`, outcome, context, {
        done: facts.sent_now === false ? "already sent" : "sent",
        planned: "would be sent",
      });
    case "banner":
      return actionLine(`banner #${text(facts.banner_id) ?? text(config.bannerId) ?? "?"}`, outcome, context, {
        done: facts.shown_now === false ? "already shown" : "shown",
        planned: "would be shown",
      });
    case "generic":
      return actionLine(`action ${text(facts.action) ?? text(config.action) ?? "?"}`, outcome, context, { done: "done", planned: "would run" });
    default:
      return decision(name, "", outcome);
  }
}

/** One criterion's fact as "label actual operator expected": "payment amount 4.99 < 10". */
function describeCriterion(fact: CriterionFactView, definition: CriterionLabel | undefined): string {
  const label = definition ? lowerFirst(definition.label) : `${fact.kind} ${fact.key.replaceAll("_", " ")}`;
  if (fact.actual === "criterion unavailable" && !fact.holds) return `${label}: criterion unavailable`;
  const input = definition?.valueInput;
  if (input === "content_access" && typeof fact.actual === "string") return fact.actual;
  const actual = formatValue(fact.actual, input);
  if (input === "boolean") return fact.holds ? `${label}: ${actual}` : `${label}: ${actual}, needs ${formatValue(fact.expected, input)}`;
  const operatorLabel = definition?.operators.find((o) => o.op === fact.operator)?.label;
  // "within the last N days": the expected value belongs inside the operator's words.
  if (operatorLabel && /\bN\b/.test(operatorLabel)) return `${label} ${actual} ${operatorLabel.replace(/\bN\b/, formatValue(fact.expected, "number"))}`;
  const operator = operatorSymbol(fact.operator, Array.isArray(fact.expected)) ?? operatorLabel ?? fact.operator.replaceAll("_", " ");
  return `${label} ${actual} ${operator} ${formatValue(fact.expected, input)}`;
}

/** What a condition records per criterion (lib/scenarios/criteria: CriterionFact), as read back from JSON. */
interface CriterionFactView {
  kind: string;
  key: string;
  operator: string;
  expected: unknown;
  actual: unknown;
  holds: boolean;
}

function asCriterionFact(value: unknown): CriterionFactView | null {
  const fact = record(value);
  if (typeof fact.kind !== "string" || typeof fact.key !== "string" || typeof fact.operator !== "string") return null;
  return { kind: fact.kind, key: fact.key, operator: fact.operator, expected: fact.expected, actual: fact.actual, holds: fact.holds === true };
}

/** Cents as a short decimal: 499 → "4.99", 1000 → "10". */
export function formatCents(cents: number): string {
  return centsToDecimal(cents).replace(/\.00$/, "");
}

const SYMBOLS: Record<string, string> = { eq: "=", gt: ">", gte: "≥", lt: "<", lte: "≤", is: "=", is_not: "≠" };

function operatorSymbol(operator: string, listExpected: boolean): string | null {
  if (listExpected && operator === "is") return "in";
  if (listExpected && operator === "is_not") return "not in";
  return SYMBOLS[operator] ?? null;
}

function formatValue(value: unknown, input: CriterionLabel["valueInput"] | undefined): string {
  if (value === null || value === undefined) return "(none)";
  if (input === "money" && typeof value === "number" && Number.isSafeInteger(value)) return formatCents(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  // Registration dates are recorded as timestamps; the criterion compares days.
  if (input === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value)) return value.slice(0, 10);
  if (Array.isArray(value)) return value.map((item) => formatValue(item, input)).join(", ");
  if (typeof value === "string" || typeof value === "number") return String(value);
  return JSON.stringify(value);
}

function conditionReason(facts: Facts, criteria: readonly CriterionLabel[]): string {
  const find = (fact: CriterionFactView) => criteria.find((c) => c.kind === fact.kind && c.key === fact.key);
  const decidedBy = asCriterionFact(facts.decidedBy);
  if (decidedBy) return describeCriterion(decidedBy, find(decidedBy));
  const all = Array.isArray(facts.criteria) ? facts.criteria.map(asCriterionFact).filter((f) => f !== null) : [];
  if (all.length > 0) return all.map((fact) => describeCriterion(fact, find(fact))).join(" and ");
  // The executor's own summary ends with its outcome, which the line adds again.
  return text(facts.summary)?.replace(/ (fails )?→ \S+$/, "") ?? "";
}

function segmentLine(facts: Facts, config: Facts, outcome: string | null): VisitDescription {
  const segment = text(facts.segment) ?? text(config.segment) ?? "?";
  const line = decision(`segment ${segment}`, "", outcome).line;
  if (typeof facts.member !== "boolean") return { line, reason: `segment ${segment}` };
  return { line, reason: `${facts.member ? "in" : "not in"} ${segment}` };
}

function abTestLine(facts: Facts, outcome: string | null): VisitDescription {
  const variant = text(facts.variant) ?? (outcome?.startsWith("variant:") ? outcome.slice("variant:".length) : null);
  const why = facts.drawn === false ? "likeliest, not drawn yet" : facts.sticky === false ? "drawn again: the earlier variant was removed" : "";
  const line = `A/B → ${variant ? `variant ${variant}` : "not assigned yet"}${why ? ` (${why})` : ""}`;
  return { line, reason: why };
}

function waitLine(facts: Facts, config: Facts, outcome: string | null): VisitDescription {
  const minutes = typeof facts.minutes === "number" ? facts.minutes : typeof config.minutes === "number" ? config.minutes : null;
  const duration = minutes === null ? "" : formatMinutes(minutes);
  const subject = duration ? `wait ${duration}` : "wait";
  return { line: outcome === null ? `${subject}: waiting` : `${subject} → ${outcome}`, reason: duration };
}

function goalLine(facts: Facts, config: Facts, outcome: string | null): VisitDescription {
  const missing = list(facts.missing);
  const goals = list(facts.goals) ?? list(config.goals) ?? [];
  let reason: string;
  if (outcome === "yes") reason = goals.length > 0 ? `completed ${goals.join(", ")}` : "all goals completed";
  else if (outcome === null) {
    reason = `waiting for ${(missing ?? goals).join(", ") || "its goals"}`;
    return { line: `goal: ${reason}`, reason };
  } else {
    const why = text(facts.reason) ? `gave up (${text(facts.reason)})` : facts.timed_out === true ? "timed out" : "not completed";
    reason = missing && missing.length > 0 ? `${why}, missing ${missing.join(", ")}` : why;
  }
  return decision("goal", reason, outcome);
}

function actionLine(subject: string, outcome: string | null, context: VisitContext, verbs: { done: string; planned: string }): VisitDescription {
  if (outcome === null) {
    const state = context.simulated ? "not possible" : "in progress";
    return { line: `${subject}: ${state}`, reason: state };
  }
  const verb = context.simulated ? verbs.planned : verbs.done;
  return { line: `${subject} ${verb}`, reason: verb };
}

/** "subject: reason → outcome"; "subject: in progress" while the visit has no outcome yet. */
function decision(subject: string, reason: string, outcome: string | null): VisitDescription {
  if (outcome === null) return { line: `${subject}: in progress`, reason: "in progress" };
  return { line: `${reason ? `${subject}: ${reason}` : subject} → ${portName(outcome)}`, reason };
}

function stopped(subject: string, why: string | null): VisitDescription {
  return { line: why ? `${subject}: ${why}` : subject, reason: why ?? "" };
}

function portName(port: string): string {
  return port.startsWith("variant:") ? `variant ${port.slice("variant:".length)}` : port;
}

function typeName(nodeType: string): string {
  return nodeType in NODE_TYPE_META ? NODE_TYPE_META[nodeType as NodeType].label.toLowerCase() : nodeType;
}

function lowerFirst(label: string): string {
  // Keep acronyms ("URL …") as they are.
  return /^[A-Z][A-Z]/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

function record(value: unknown): Facts {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Facts) : {};
}

function text(value: unknown): string | null {
  if (typeof value === "string" && value !== "") return value;
  if (typeof value === "number") return String(value);
  return null;
}

function list(value: unknown): string[] | null {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : null;
}
