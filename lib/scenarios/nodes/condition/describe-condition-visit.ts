/**
 * Why a condition went the way it did, from the facts it recorded per criterion ("payment amount 4.99 < 10"), in the
 * criteria registry's words. UI-safe and pure.
 */
import { centsToDecimal } from "@/lib/money";
import { type CriterionLabel, type Facts, record, text } from "../visit-lines";

/** What a condition records per criterion (lib/scenarios/criteria: CriterionFact), as read back from JSON. */
interface CriterionFactView {
  kind: string;
  key: string;
  operator: string;
  expected: unknown;
  actual: unknown;
  holds: boolean;
}

/** The criterion that said no; else every criterion, joined with "and". */
export function conditionReason(facts: Facts, criteria: readonly CriterionLabel[]): string {
  const find = (fact: CriterionFactView) =>
    criteria.find((c) => c.kind === fact.kind && c.key === fact.key);
  const decidedBy = asCriterionFact(facts.decidedBy);
  if (decidedBy) return describeCriterion(decidedBy, find(decidedBy));
  const all = Array.isArray(facts.criteria)
    ? facts.criteria.map(asCriterionFact).filter((f) => f !== null)
    : [];
  if (all.length > 0) return all.map((fact) => describeCriterion(fact, find(fact))).join(" and ");
  // The executor's own summary ends with its outcome, which the line adds again.
  return text(facts.summary)?.replace(/ (fails )?→ \S+$/, "") ?? "";
}

/** Cents as a short decimal: 499 → "4.99", 1000 → "10". */
export function formatCents(cents: number): string {
  return centsToDecimal(cents).replace(/\.00$/, "");
}

/** One criterion's fact as "label actual operator expected": "payment amount 4.99 < 10". */
function describeCriterion(
  fact: CriterionFactView,
  definition: CriterionLabel | undefined,
): string {
  const label = definition
    ? lowerFirst(definition.label)
    : `${fact.kind} ${fact.key.replaceAll("_", " ")}`;
  if (fact.actual === "criterion unavailable" && !fact.holds)
    return `${label}: criterion unavailable`;
  const input = definition?.valueInput;
  if (input === "content_access" && typeof fact.actual === "string") return fact.actual;
  const actual = formatValue(fact.actual, input);
  if (input === "boolean")
    return fact.holds
      ? `${label}: ${actual}`
      : `${label}: ${actual}, needs ${formatValue(fact.expected, input)}`;
  const operatorLabel = definition?.operators.find((o) => o.op === fact.operator)?.label;
  // "within the last N days": the expected value belongs inside the operator's words.
  if (operatorLabel && /\bN\b/.test(operatorLabel))
    return `${label} ${actual} ${operatorLabel.replace(/\bN\b/, formatValue(fact.expected, "number"))}`;
  const operator =
    operatorSymbol(fact.operator, Array.isArray(fact.expected)) ??
    operatorLabel ??
    fact.operator.replaceAll("_", " ");
  return `${label} ${actual} ${operator} ${formatValue(fact.expected, input)}`;
}

function asCriterionFact(value: unknown): CriterionFactView | null {
  const fact = record(value);
  if (
    typeof fact.kind !== "string" ||
    typeof fact.key !== "string" ||
    typeof fact.operator !== "string"
  )
    return null;
  return {
    kind: fact.kind,
    key: fact.key,
    operator: fact.operator,
    expected: fact.expected,
    actual: fact.actual,
    holds: fact.holds === true,
  };
}

const SYMBOLS: Record<string, string> = {
  eq: "=",
  gt: ">",
  gte: "≥",
  lt: "<",
  lte: "≤",
  is: "=",
  is_not: "≠",
};

function operatorSymbol(operator: string, listExpected: boolean): string | null {
  if (listExpected && operator === "is") return "in";
  if (listExpected && operator === "is_not") return "not in";
  return SYMBOLS[operator] ?? null;
}

function formatValue(value: unknown, input: CriterionLabel["valueInput"] | undefined): string {
  if (value === null || value === undefined) return "(none)";
  if (input === "money" && typeof value === "number" && Number.isSafeInteger(value))
    return formatCents(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  // Registration dates are recorded as timestamps; the criterion compares days.
  if (input === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value))
    return value.slice(0, 10);
  if (Array.isArray(value)) return value.map((item) => formatValue(item, input)).join(", ");
  if (typeof value === "string" || typeof value === "number") return String(value);
  return JSON.stringify(value);
}

function lowerFirst(label: string): string {
  // Keep acronyms ("URL …") as they are.
  return /^[A-Z][A-Z]/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}
