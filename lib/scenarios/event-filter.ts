/**
 * A filter on an event's data, shared by a scenario's exit rules and the wait-for-event node. UI-safe.
 *
 * A filter is a list of tests that must all hold: `{ field, op, value }`, where `field` is a key of the event's data
 * (`amount_cents`, or a dotted path into nested objects: `meta.plan`). The same filter is evaluated in JavaScript
 * (exit rules, when the dispatcher sees an event) and sent to Inngest as a CEL expression (the wait node's
 * `step.waitForEvent` `if`), so a waiting run wakes only for an event that passes. A field the event lacks (or null)
 * passes no test; `exists` asks for the field to be present.
 */
import { z } from "zod";
import { CUSTOM_EVENT_PATTERN, DOMAIN_EVENT_NAMES } from "@/lib/events/event-names";

export const EVENT_FILTER_OPS = ["eq", "ne", "gt", "gte", "lt", "lte", "exists"] as const;
export type EventFilterOp = (typeof EVENT_FILTER_OPS)[number];

export const EVENT_FILTER_OP_LABELS: Record<EventFilterOp, string> = {
  eq: "=",
  ne: "≠",
  gt: ">",
  gte: "≥",
  lt: "<",
  lte: "≤",
  exists: "is present",
};

/** Identifiers only, so the path is the same in JavaScript and in CEL (`async.data.meta.plan`). */
const FIELD_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*){0,4}$/;

export const eventFilterTestSchema = z
  .strictObject({
    field: z
      .string()
      .trim()
      .min(1, { message: "Name the data field." })
      .max(120)
      .regex(FIELD_PATTERN, {
        message: "A field is letters, digits and _, dotted for nested data.",
      }),
    op: z.enum(EVENT_FILTER_OPS),
    /** Ignored (null) for `exists`. Numbers compare as numbers, strings and booleans by equality or order. */
    value: z.union([z.string().max(500), z.number().finite(), z.boolean()]).nullable(),
  })
  .superRefine((test, context) => {
    if (test.op !== "exists" && test.value === null) {
      context.addIssue({ code: "custom", path: ["value"], message: "Enter a value to compare." });
    }
    if (["gt", "gte", "lt", "lte"].includes(test.op) && typeof test.value === "boolean") {
      context.addIssue({
        code: "custom",
        path: ["value"],
        message: "Compare a number or text, not yes/no.",
      });
    }
  });
export type EventFilterTest = z.infer<typeof eventFilterTestSchema>;

export const eventFilterSchema = z.array(eventFilterTestSchema).max(10);
export type EventFilter = z.infer<typeof eventFilterSchema>;

/** An event a scenario can name (exit rules, wait-for-event): a domain event or a custom one. */
export const eventNameSchema = z
  .string()
  .trim()
  .max(120)
  .refine(
    (name) =>
      (DOMAIN_EVENT_NAMES as readonly string[]).includes(name) || CUSTOM_EVENT_PATTERN.test(name),
    { message: "Choose a domain event or a custom event (custom.<name>)." },
  );

function read(data: unknown, field: string): unknown {
  let value: unknown = data;
  for (const key of field.split(".")) {
    if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
    if (!Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function testHolds(test: EventFilterTest, data: unknown): boolean {
  const actual = read(data, test.field);
  if (test.op === "exists") return actual !== undefined && actual !== null;
  if (actual === undefined || actual === null) return false;
  const expected = test.value;
  if (typeof expected === "number") {
    // Like CEL's `double(field)`: a number, or text that reads as one ("500"), compares as a number.
    const number =
      typeof actual === "number"
        ? actual
        : typeof actual === "string" && actual.trim() !== ""
          ? Number(actual)
          : NaN;
    if (!Number.isFinite(number)) return false;
    return compare(test.op, number, expected);
  }
  // Like CEL: values of different kinds are never equal, and have no order.
  if (typeof actual !== typeof expected) return test.op === "ne";
  if (typeof actual === "boolean") {
    if (test.op === "eq") return actual === expected;
    return test.op === "ne" ? actual !== expected : false;
  }
  return compare(test.op, actual as string, expected as string);
}

function compare<T extends number | string>(op: Exclude<EventFilterOp, "exists">, a: T, b: T) {
  if (op === "eq") return a === b;
  if (op === "ne") return a !== b;
  if (op === "gt") return a > b;
  if (op === "gte") return a >= b;
  if (op === "lt") return a < b;
  return a <= b;
}

/** Does an event's data pass every test of the filter? (An empty filter passes everything.) */
export function matchesEventFilter(filter: EventFilter, data: unknown): boolean {
  return filter.every((test) => testHolds(test, data));
}

const CEL_OPS: Record<Exclude<EventFilterOp, "exists">, string> = {
  eq: "==",
  ne: "!=",
  gt: ">",
  gte: ">=",
  lt: "<",
  lte: "<=",
};

/** A CEL literal: JSON's string escapes are CEL's; a number is a double (`500.0`), compared with `double(field)`. */
function celLiteral(value: string | number | boolean): string {
  if (typeof value === "number") return Number.isInteger(value) ? `${value}.0` : `${value}`;
  return JSON.stringify(value);
}

/**
 * The filter as a CEL expression over `<prefix>.<field>` (Inngest's `async.data` in a wait's `if`). Numbers compare
 * as doubles on both sides, so an integer field and a decimal value (or the other way round) compare as numbers.
 */
export function eventFilterToCel(filter: EventFilter, prefix = "async.data"): string {
  return filter
    .map((test) => {
      const path = `${prefix}.${test.field}`;
      if (test.op === "exists") {
        return `(has(${path}) && ${path} != null)`;
      }
      const value = test.value!;
      const op = CEL_OPS[test.op];
      if (typeof value === "number") {
        return `(has(${path}) && double(${path}) ${op} ${celLiteral(value)})`;
      }
      return `(has(${path}) && ${path} ${op} ${celLiteral(value)})`;
    })
    .join(" && ");
}

/** One line for the canvas and the inspector: `amount_cents ≥ 500, gateway = "card"`. */
export function describeEventFilter(filter: EventFilter): string {
  return filter
    .map((test) =>
      test.op === "exists"
        ? `${test.field} ${EVENT_FILTER_OP_LABELS.exists}`
        : `${test.field} ${EVENT_FILTER_OP_LABELS[test.op]} ${JSON.stringify(test.value)}`,
    )
    .join(", ");
}
