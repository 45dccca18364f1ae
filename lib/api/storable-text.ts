/**
 * Postgres cannot store NUL in text or jsonb, and rejects unpaired UTF-16 surrogates in jsonb; both would surface as
 * a 500 from deep inside a query. Request bodies are checked once, up front, so such input is a plain 400.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The deepest nesting a request body may have: far beyond any body the API takes, far below a stack's limit. */
export const MAX_JSON_DEPTH = 64;

export type JsonBodyProblem = "too_deep" | "unstorable";

/**
 * What is wrong with a parsed JSON value, or null: nesting deeper than `maxDepth` (objects and arrays), or a string
 * (object keys included) Postgres cannot store. Iterative, so a hostile body nested thousands deep cannot overflow
 * the stack.
 */
export function findJsonBodyProblem(
  value: unknown,
  maxDepth = MAX_JSON_DEPTH,
): JsonBodyProblem | null {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const { value: current, depth } = pending.pop()!;
    if (typeof current === "string") {
      if (UNSTORABLE.test(current)) return "unstorable";
      continue;
    }
    if (current === null || typeof current !== "object") continue;
    if (depth >= maxDepth) return "too_deep";
    if (Array.isArray(current)) {
      for (const child of current) pending.push({ value: child, depth: depth + 1 });
      continue;
    }
    for (const [key, child] of Object.entries(current)) {
      if (UNSTORABLE.test(key)) return "unstorable";
      pending.push({ value: child, depth: depth + 1 });
    }
  }
  return null;
}
