import { describe, expect, it } from "vitest";
import { evaluateExpression, expressionHolds } from "@/inngest/local/expressions";
import { DOMAIN_EVENT_NAMES } from "@/lib/events/event-names";
import {
  describeEventFilter,
  type EventFilter,
  eventFilterSchema,
  eventFilterToCel,
  matchesEventFilter,
} from "@/lib/scenarios/event-filter";
import { exitRulesSchema, readExitRules } from "@/lib/scenarios/exit-rules";
import { EVENT_TRIGGER_NAMES } from "@/lib/scenarios/triggers";

/** Whether Inngest (as the local executor evaluates CEL) would wake a wait on this event's data. */
const celMatches = (filter: EventFilter, data: Record<string, unknown>) =>
  expressionHolds(eventFilterToCel(filter), { async: { name: "x", data } });

const cases: { filter: EventFilter; data: Record<string, unknown>; matches: boolean }[] = [
  { filter: [], data: {}, matches: true },
  {
    filter: [{ field: "amount_cents", op: "gte", value: 500 }],
    data: { amount_cents: 500 },
    matches: true,
  },
  {
    filter: [{ field: "amount_cents", op: "gte", value: 500 }],
    data: { amount_cents: 499 },
    matches: false,
  },
  {
    filter: [{ field: "amount_cents", op: "gt", value: 4.5 }],
    data: { amount_cents: 5 },
    matches: true,
  },
  { filter: [{ field: "price", op: "lt", value: 10 }], data: { price: 9.99 }, matches: true },
  { filter: [{ field: "amount_cents", op: "eq", value: 500 }], data: {}, matches: false },
  { filter: [{ field: "amount_cents", op: "ne", value: 500 }], data: {}, matches: false },
  {
    filter: [{ field: "amount_cents", op: "eq", value: 500 }],
    data: { amount_cents: "500" },
    matches: true,
  },
  {
    filter: [{ field: "amount_cents", op: "ne", value: 500 }],
    data: { amount_cents: "lots" },
    matches: false,
  },
  {
    filter: [{ field: "gateway", op: "ne", value: "card" }],
    data: { gateway: 5 },
    matches: true,
  },
  {
    filter: [{ field: "gateway", op: "eq", value: "card" }],
    data: { gateway: "card" },
    matches: true,
  },
  {
    filter: [{ field: "gateway", op: "ne", value: "card" }],
    data: { gateway: "bank" },
    matches: true,
  },
  {
    filter: [{ field: "recurrent", op: "eq", value: true }],
    data: { recurrent: false },
    matches: false,
  },
  {
    filter: [{ field: "meta.plan", op: "eq", value: 'pro "x"' }],
    data: { meta: { plan: 'pro "x"' } },
    matches: true,
  },
  {
    filter: [{ field: "meta.plan", op: "eq", value: "pro" }],
    data: { meta: null },
    matches: false,
  },
  {
    filter: [{ field: "upgrade_type", op: "exists", value: null }],
    data: { upgrade_type: "short" },
    matches: true,
  },
  {
    filter: [{ field: "upgrade_type", op: "exists", value: null }],
    data: { upgrade_type: null },
    matches: false,
  },
  { filter: [{ field: "upgrade_type", op: "exists", value: null }], data: {}, matches: false },
  {
    filter: [
      { field: "plan", op: "eq", value: "pro" },
      { field: "seats", op: "gt", value: 2 },
    ],
    data: { plan: "pro", seats: 3 },
    matches: true,
  },
  {
    filter: [
      { field: "plan", op: "eq", value: "pro" },
      { field: "seats", op: "gt", value: 2 },
    ],
    data: { plan: "pro", seats: 2 },
    matches: false,
  },
];

describe("event data filters", () => {
  it.each(cases)("agree in JavaScript and in CEL: %j", ({ filter, data, matches }) => {
    expect(matchesEventFilter(filter, data)).toBe(matches);
    expect(celMatches(filter, data)).toBe(matches);
  });

  it("compose with the user match of a wait", () => {
    const expression = `async.data.user_id == 7 && ${eventFilterToCel([{ field: "amount_cents", op: "gte", value: 500 }])}`;
    expect(
      evaluateExpression(expression, { async: { data: { user_id: 7, amount_cents: 600 } } }),
    ).toBe(true);
    expect(
      evaluateExpression(expression, { async: { data: { user_id: 8, amount_cents: 600 } } }),
    ).toBe(false);
  });

  it("refuse fields that are not plain paths, comparisons without a value, and yes/no in an order", () => {
    expect(
      eventFilterSchema.safeParse([{ field: "a) || true || (b", op: "eq", value: 1 }]).success,
    ).toBe(false);
    expect(eventFilterSchema.safeParse([{ field: "amount", op: "gt", value: null }]).success).toBe(
      false,
    );
    expect(eventFilterSchema.safeParse([{ field: "paid", op: "lt", value: true }]).success).toBe(
      false,
    );
    expect(
      eventFilterSchema.safeParse([{ field: "amount", op: "exists", value: null }]).success,
    ).toBe(true);
  });

  it("read as one line", () => {
    expect(
      describeEventFilter([
        { field: "amount_cents", op: "gte", value: 500 },
        { field: "gateway", op: "eq", value: "card" },
      ]),
    ).toBe('amount_cents ≥ 500, gateway = "card"');
  });
});

describe("exit rules", () => {
  it("name a domain or custom event, with an optional filter", () => {
    expect(exitRulesSchema.parse([{ event: "payment.paid" }])).toEqual([
      { event: "payment.paid", filter: [] },
    ]);
    expect(
      exitRulesSchema.safeParse([{ event: "custom.plan_cancelled", filter: [] }]).success,
    ).toBe(true);
    expect(exitRulesSchema.safeParse([{ event: "payment.refunded_maybe" }]).success).toBe(false);
    expect(exitRulesSchema.safeParse([{ event: "custom.Bad Name" }]).success).toBe(false);
    expect(readExitRules("not rules")).toEqual([]);
  });

  it("can name any domain event: the dispatcher receives every event family", () => {
    const families = new Set(
      [...EVENT_TRIGGER_NAMES, "custom.any"].map((name) => name.slice(0, name.indexOf("."))),
    );
    for (const name of DOMAIN_EVENT_NAMES) {
      if (name === "scenario.test") continue;
      expect(families, name).toContain(name.slice(0, name.indexOf(".")));
    }
  });
});
