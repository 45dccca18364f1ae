import type {
  ComparisonOperator,
  SegmentLeafRule,
  SegmentRuleField,
  SegmentRules,
} from "./segment-rules";

/**
 * UI-safe metadata for the rule builder and rule summaries: labels, the operators each field offers and what value
 * each operator takes. Kept beside the schema so a new field is added in these two files only.
 */

/** The input a rule's value needs in the form. */
export type ValueKind =
  | "text"
  | "domain"
  | "role"
  | "date"
  | "days"
  | "count"
  | "money"
  | "segment"
  | "subscription"
  | "none";

export interface OperatorMeta {
  operator: string;
  label: string;
  value: ValueKind;
}

export interface FieldMeta {
  field: SegmentRuleField;
  label: string;
  operators: readonly OperatorMeta[];
}

const comparison = (value: ValueKind): OperatorMeta[] => [
  { operator: "gte", label: "at least", value },
  { operator: "gt", label: "more than", value },
  { operator: "eq", label: "exactly", value },
  { operator: "lte", label: "at most", value },
  { operator: "lt", label: "fewer than", value },
];

export const SEGMENT_FIELDS: readonly FieldMeta[] = [
  {
    field: "email",
    label: "Email",
    operators: [
      { operator: "is", label: "is", value: "text" },
      { operator: "is_not", label: "is not", value: "text" },
      { operator: "contains", label: "contains", value: "text" },
      { operator: "ends_with", label: "ends with", value: "text" },
    ],
  },
  {
    field: "name",
    label: "Name",
    operators: [
      { operator: "is", label: "is", value: "text" },
      { operator: "contains", label: "contains", value: "text" },
      { operator: "is_empty", label: "is empty", value: "none" },
      { operator: "is_not_empty", label: "is not empty", value: "none" },
    ],
  },
  { field: "role", label: "Role", operators: [{ operator: "is", label: "is", value: "role" }] },
  {
    field: "email_domain",
    label: "Email domain",
    operators: [
      { operator: "is", label: "is", value: "domain" },
      { operator: "is_not", label: "is not", value: "domain" },
    ],
  },
  {
    field: "registered",
    label: "Registered",
    operators: [
      { operator: "before", label: "before", value: "date" },
      { operator: "after", label: "on or after", value: "date" },
      { operator: "within_days", label: "within the last (days)", value: "days" },
      { operator: "more_than_days_ago", label: "more than (days) ago", value: "days" },
    ],
  },
  {
    field: "subscription",
    label: "Actual subscription",
    operators: [
      { operator: "has", label: "has", value: "subscription" },
      { operator: "has_not", label: "has not", value: "subscription" },
    ],
  },
  { field: "paid_payments_count", label: "Paid payments (number)", operators: comparison("count") },
  { field: "paid_payments_sum", label: "Paid payments (sum)", operators: comparison("money") },
  {
    field: "segment",
    label: "Segment",
    operators: [
      { operator: "in", label: "is in", value: "segment" },
      { operator: "not_in", label: "is not in", value: "segment" },
    ],
  },
];

export function fieldMeta(field: SegmentRuleField): FieldMeta {
  const meta = SEGMENT_FIELDS.find((candidate) => candidate.field === field);
  if (!meta) throw new Error(`Unknown segment field ${field}`);
  return meta;
}

export function operatorMeta(field: SegmentRuleField, operator: string): OperatorMeta | undefined {
  return fieldMeta(field).operators.find((candidate) => candidate.operator === operator);
}

/**
 * A rule of `field` with `operator`, keeping the value of `previous` when it fits: switching "is" to "contains"
 * keeps the typed text, switching "before" to "within_days" starts a fresh value.
 */
export function ruleFor(
  field: SegmentRuleField,
  operator?: string,
  previous?: SegmentLeafRule,
): SegmentLeafRule {
  const op = operator ?? fieldMeta(field).operators[0]?.operator ?? "is";
  const keep = previous?.field === field ? previous : undefined;
  const text = keep && "value" in keep && typeof keep.value === "string" ? keep.value : "";
  const number = keep && "value" in keep && typeof keep.value === "number" ? keep.value : 0;
  switch (field) {
    case "email":
      return { field, operator: op as "is" | "is_not" | "contains" | "ends_with", value: text };
    case "name":
      return op === "is_empty" || op === "is_not_empty"
        ? { field, operator: op }
        : { field, operator: op as "is" | "contains", value: text };
    case "role":
      return { field, operator: "is", value: keep?.field === "role" ? keep.value : "customer" };
    case "email_domain":
      return { field, operator: op as "is" | "is_not", value: text };
    case "registered":
      if (op === "before" || op === "after")
        return { field, operator: op, date: keep && "date" in keep ? keep.date : "" };
      return {
        field,
        operator: op as "within_days" | "more_than_days_ago",
        days: keep && "days" in keep ? keep.days : 30,
      };
    case "subscription":
      return {
        field,
        operator: op as "has" | "has_not",
        content_access: keep?.field === "subscription" ? (keep.content_access ?? null) : null,
        subscription_type: keep?.field === "subscription" ? (keep.subscription_type ?? null) : null,
      };
    case "paid_payments_count":
    case "paid_payments_sum":
      return { field, operator: op as ComparisonOperator, value: number };
    case "segment":
      return { field, operator: op as "in" | "not_in", value: text };
  }
}

const COMPARISON_SYMBOL: Record<ComparisonOperator, string> = {
  eq: "=",
  gte: "≥",
  lte: "≤",
  gt: ">",
  lt: "<",
};

/** One line for a rule, e.g. `Email domain is example.com` (list pages and the editor's summary). */
export function describeLeafRule(
  rule: SegmentLeafRule,
  formatCents: (cents: number) => string,
): string {
  const label = fieldMeta(rule.field).label;
  const op = operatorMeta(rule.field, rule.operator)?.label ?? rule.operator;
  switch (rule.field) {
    case "name":
      return "value" in rule ? `${label} ${op} "${rule.value}"` : `${label} ${op}`;
    case "registered":
      return "date" in rule
        ? `${label} ${op} ${rule.date}`
        : `${label} ${op.replace("(days)", `${rule.days} days`)}`;
    case "subscription": {
      const filters = [
        rule.content_access ? `with ${rule.content_access}` : null,
        rule.subscription_type ? `of type ${rule.subscription_type}` : null,
      ].filter(Boolean);
      return `${op[0]?.toUpperCase()}${op.slice(1)} an actual subscription${filters.length ? ` ${filters.join(" ")}` : ""}`;
    }
    case "paid_payments_count":
      return `Paid payments ${COMPARISON_SYMBOL[rule.operator]} ${rule.value}`;
    case "paid_payments_sum":
      return `Paid sum ${COMPARISON_SYMBOL[rule.operator]} ${formatCents(rule.value)}`;
    default:
      return `${label} ${op} ${rule.value}`;
  }
}

export function describeRules(rules: SegmentRules, formatCents: (cents: number) => string): string {
  if (rules.rules.length === 0) return rules.match === "all" ? "Everyone" : "Nobody";
  const joiner = rules.match === "all" ? " and " : " or ";
  return rules.rules
    .map((rule) =>
      rule.field === "group"
        ? `(${rule.rules.map((leaf) => describeLeafRule(leaf, formatCents)).join(rule.match === "all" ? " and " : " or ")})`
        : describeLeafRule(rule, formatCents),
    )
    .join(joiner);
}
