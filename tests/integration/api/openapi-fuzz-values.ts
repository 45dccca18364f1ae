/** The values openapi-fuzz-cases.ts builds requests from: bad ones by kind, and examples that fit a string schema. */

/** The parts of a JSON Schema (as zod-openapi writes request schemas) the fuzzing reads. */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  example?: unknown;
  default?: unknown;
};

/** A small deterministic generator (mulberry32): the same seed gives the same sequence on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type JsonType = "string" | "integer" | "number" | "boolean" | "object" | "array" | "null";

/** Values of each JSON type ("number" holds the non-integral ones), to put where that type is not allowed. */
export const VALUES_OF_TYPE: Record<JsonType, unknown[]> = {
  string: ["fuzz", "", "1", "true", "null", "💥", "../../etc/passwd", "' OR 1=1 --"],
  integer: [0, -1, 7, 2 ** 31, 2 ** 63, -(2 ** 53)],
  number: [1.5, -0.5, 1e-9, 1e308],
  boolean: [true, false],
  object: [{}, { a: 1 }, { $ne: null }],
  array: [[], [1, "a"], [null]],
  null: [null],
};

/** The largest body the API reads (lib/api/read-json-body.ts). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Path segment values that name no row: not numbers, out of every id range, or a path escape. */
export const BAD_PATH_IDS = [
  "abc",
  "-1",
  "0",
  "2147483648",
  "9223372036854775808",
  "../",
  "1.5",
  "\u0000",
];

/** Query values that are not what the parameter takes (query parameters are plain, never a `$ref`). */
export function badQueryValues(schema: JsonSchema): string[] {
  const values = ["\u0000", "%", "a".repeat(5000)];
  if (schema.type === "integer" || schema.type === "number")
    values.push("abc", "-1", "1.5", "2147483648", "9223372036854775808", "1e400", "");
  if (schema.enum) values.push("zzz", "", "TRUE");
  if (schema.maxLength !== undefined) values.push("a".repeat(schema.maxLength + 1));
  if (schema.pattern) values.push("Not A Match!");
  return values;
}

export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value as JsonType;
}

/** A string that fits the schema's format, pattern and length (a few candidates cover the API's patterns). */
export function exampleString(schema: JsonSchema): string {
  if (schema.format === "email") return "fuzz@example.test";
  if (schema.format === "date-time") return "2030-01-01T00:00:00Z";
  if (schema.format === "date") return "2030-01-01";
  const min = schema.minLength ?? 1;
  const candidates = ["fuzz", "custom.fuzz", "a".repeat(43), "f".repeat(Math.max(min, 4))];
  const pattern = schema.pattern ? new RegExp(schema.pattern) : null;
  return (
    candidates.find(
      (candidate) =>
        (!pattern || pattern.test(candidate)) &&
        candidate.length >= min &&
        candidate.length <= (schema.maxLength ?? Infinity),
    ) ?? "f".repeat(min)
  );
}
