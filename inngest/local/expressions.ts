import { parse } from "@marcbachmann/cel-js";

/*
 * Inngest expressions are CEL (`event.data.user_id == async.data.user_id`). @marcbachmann/cel-js evaluates them;
 * parsed expressions are cached because the same few run for every event.
 */
type Compiled = ReturnType<typeof parse>;
const cache = new Map<string, Compiled>();

function compile(expression: string): Compiled {
  let compiled = cache.get(expression);
  if (!compiled) {
    compiled = parse(expression);
    cache.set(expression, compiled);
  }
  return compiled;
}

/** CEL has no undefined: give missing data an empty object, and turn JS numbers into CEL-friendly values. */
function toCel(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === "number") return Number.isInteger(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map(toCel);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toCel(inner)]));
  }
  return value;
}

function fromCel(value: unknown): unknown {
  return typeof value === "bigint" ? Number(value) : value;
}

export function evaluateExpression(expression: string, context: Record<string, unknown>): unknown {
  return fromCel(compile(expression)(toCel(context) as Record<string, unknown>));
}

/** Does a trigger / wait / cancel condition hold? An expression that cannot be evaluated does not match. */
export function expressionHolds(
  expression: string | null | undefined,
  context: Record<string, unknown>,
): boolean {
  if (!expression) return true;
  try {
    return evaluateExpression(expression, context) === true;
  } catch {
    return false;
  }
}
