/**
 * The criteria editor's rules, pure: which input a criterion's value takes under an operator, what a row resets to
 * when its criterion or operator changes, and the inline message for its value.
 */
import type { CriterionOption } from "@/lib/scenarios/builder-option-types";
import { centsToDecimal } from "@/lib/money";
import type { Criterion, CriterionKind } from "@/lib/scenarios/nodes/condition/definition";
import { asJsonSchema, checkJsonValue, type JsonSchema } from "./json-schema";

export const CRITERION_KIND_LABELS: Record<CriterionKind, string> = {
  user: "User",
  payment: "Payment",
  subscription: "Subscription",
  trigger: "Trigger",
};

export const criterionOptionId = (criterion: { kind: string; key: string }) =>
  `${criterion.kind}:${criterion.key}`;

export function findCriterionOption(
  options: readonly CriterionOption[],
  criterion: Criterion,
): CriterionOption | null {
  return options.find((o) => o.kind === criterion.kind && o.key === criterion.key) ?? null;
}

/** The input a value is typed in. A date criterion takes a number of days under its "…days…" operators. */
export type ValueInputKind =
  | "text"
  | "number"
  | "money"
  | "date"
  | "days"
  | "boolean"
  | "content_access"
  | "subscription_types"
  | { options: readonly string[] };

export function valueInputKind(option: CriterionOption, operator: string): ValueInputKind {
  const input = option.valueInput;
  if (typeof input !== "string") return input;
  if (input === "date") return /days/.test(operator) ? "days" : "date";
  if (input === "subscription_type") return "subscription_types";
  return input;
}

const sameKind = (a: ValueInputKind, b: ValueInputKind) =>
  typeof a === "string" || typeof b === "string"
    ? a === b
    : a.options.join("\u0000") === b.options.join("\u0000");

/** What a value starts as in an input: empty where people must type, the first choice where they pick. */
export function emptyValue(kind: ValueInputKind): unknown {
  if (typeof kind !== "string") return kind.options[0];
  switch (kind) {
    case "text":
    case "date":
    case "content_access":
      return "";
    case "boolean":
      return true;
    case "subscription_types":
      return [];
    default:
      return undefined;
  }
}

const withValue = (criterion: Criterion, value: unknown): Criterion =>
  value === undefined ? criterion : { ...criterion, value };

/** A row switched to another criterion: its first operator and an empty value. */
export function changeCriterion(option: CriterionOption): Criterion {
  const operator = option.operators[0]?.op ?? "";
  return withValue(
    { kind: option.kind, key: option.key, operator },
    emptyValue(valueInputKind(option, operator)),
  );
}

/** A row switched to another operator keeps its value unless the operator takes another kind of value. */
export function changeOperator(
  criterion: Criterion,
  option: CriterionOption | null,
  operator: string,
): Criterion {
  if (!option) return { ...criterion, operator };
  const after = valueInputKind(option, operator);
  if (sameKind(valueInputKind(option, criterion.operator), after))
    return { ...criterion, operator };
  return withValue({ kind: criterion.kind, key: criterion.key, operator }, emptyValue(after));
}

/** The branch of a union value schema that the input writes ("date" → the date string, "days" → the integer). */
function schemaForInput(schema: JsonSchema, kind: ValueInputKind): JsonSchema {
  if (!schema.anyOf) return schema;
  const wanted =
    kind === "date" || kind === "text"
      ? "string"
      : kind === "days" || kind === "number" || kind === "money"
        ? "integer"
        : null;
  return (
    schema.anyOf.find(
      (branch) => branch.type === wanted || (wanted === "integer" && branch.type === "number"),
    ) ?? schema
  );
}

/** Why the row's value does not fit its criterion, or null. */
export function criterionValueMessage(
  option: CriterionOption,
  criterion: Criterion,
): string | null {
  const kind = valueInputKind(option, criterion.operator);
  const schema = schemaForInput(asJsonSchema(option.valueSchema), kind);
  const message = checkJsonValue(
    schema,
    criterion.value,
    kind === "money" ? centsToDecimal : String,
  );
  if (message === "Required." && kind === "content_access") return "Choose a content access.";
  return message;
}

const REQUIRES_LABELS: Record<string, string> = {
  payment: "payment",
  subscription: "subscription",
  recurrent_payment: "recurrent payment",
};

/** "Needs a trigger with payment data": criteria that read trigger data only work under triggers carrying it. */
export function requiresHint(requires: string | null): string | null {
  return requires
    ? `Needs a trigger with ${REQUIRES_LABELS[requires] ?? requires.replace(/_/g, " ")} data.`
    : null;
}

/** Criteria grouped by kind, in registry order, for the criterion select's optgroups. */
export function groupCriteria(
  options: readonly CriterionOption[],
): { kind: CriterionKind; label: string; options: CriterionOption[] }[] {
  const groups = new Map<CriterionKind, CriterionOption[]>();
  for (const option of options)
    groups.set(option.kind, [...(groups.get(option.kind) ?? []), option]);
  return [...groups].map(([kind, list]) => ({
    kind,
    label: CRITERION_KIND_LABELS[kind],
    options: list,
  }));
}
