import "server-only";
import type { z } from "zod";
import type { CriterionKind } from "@/lib/scenarios/nodes/condition/definition";
import type { TriggerData } from "@/lib/scenarios/triggers";
import type { RunContext } from "@/lib/scenarios/run-context";

/** How the builder renders a criterion's value. */
export type CriterionValueInput =
  | "text"
  | "number"
  | "money"
  | "date"
  | "days"
  | "boolean"
  | "content_access"
  | "subscription_type"
  | { options: readonly string[] };

export interface CriterionResult {
  holds: boolean;
  /** What the user's data said ("gmail.com", 499): shown next to the expected value in run paths. */
  actual: unknown;
}

/**
 * A criterion a condition node can check. Adding one is one file in this folder plus its line in `index.ts`.
 * `requires` names the trigger data it reads: validation refuses it under a trigger that does not carry that.
 */
export interface CriterionDefinition<V = unknown> {
  kind: CriterionKind;
  key: string;
  label: string;
  /** What the label leaves open (which subscription, what counts), for the builder and the registry. */
  description?: string;
  operators: readonly { op: string; label: string }[];
  valueInput: CriterionValueInput;
  value: z.ZodType<V>;
  requires: TriggerData | null;
  evaluate(context: RunContext, operator: string, value: V): Promise<CriterionResult>;
}

export const defineCriterion = <V>(definition: CriterionDefinition<V>) => definition;

export const EQUALITY = [
  { op: "is", label: "is" },
  { op: "is_not", label: "is not" },
] as const;

export const COMPARISON = [
  { op: "eq", label: "=" },
  { op: "gt", label: ">" },
  { op: "gte", label: "≥" },
  { op: "lt", label: "<" },
  { op: "lte", label: "≤" },
] as const;

export function compare(operator: string, actual: number, expected: number): boolean {
  switch (operator) {
    case "eq":
      return actual === expected;
    case "gt":
      return actual > expected;
    case "gte":
      return actual >= expected;
    case "lt":
      return actual < expected;
    case "lte":
      return actual <= expected;
    default:
      return false;
  }
}

export const equality = (operator: string, same: boolean) => (operator === "is" ? same : !same);
