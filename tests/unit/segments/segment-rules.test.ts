import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { toEditorState, toRules } from "@/components/admin/segment-editor-state";
import { formatMoney } from "@/lib/money";
import { compileSegmentRules } from "@/lib/segments/compile-segment";
import { describeRules, ruleFor, SEGMENT_FIELDS } from "@/lib/segments/segment-rule-fields";
import {
  referencedSegmentCodes,
  segmentRulesSchema,
  type SegmentRules,
} from "@/lib/segments/segment-rules";

const now = new Date("2026-06-15T12:00:00Z");
const inSegment = (code: string): SegmentRules => ({
  match: "all",
  rules: [{ field: "segment", operator: "in", value: code }],
});
const render = (rules: SegmentRules, catalog: Map<string, unknown> = new Map()) =>
  new PgDialect().sqlToQuery(compileSegmentRules(rules, { now, catalog }));

describe("segmentRulesSchema", () => {
  it("accepts every field's default rule, as the builder creates it once a value is filled in", () => {
    for (const { field, operators } of SEGMENT_FIELDS) {
      for (const { operator } of operators) {
        const rule = ruleFor(field, operator);
        const filled =
          "value" in rule && rule.value === ""
            ? { ...rule, value: field === "email_domain" ? "example.com" : "x" }
            : rule;
        const withDate =
          "date" in filled && filled.date === "" ? { ...filled, date: "2026-01-01" } : filled;
        expect(
          segmentRulesSchema.safeParse({ match: "all", rules: [withDate] }).success,
          `${field} ${operator}`,
        ).toBe(true);
      }
    }
  });

  it("refuses values that do not fit the operator", () => {
    const bad = [
      { field: "name", operator: "is" },
      { field: "name", operator: "is_empty", value: "x" },
      { field: "registered", operator: "before", days: 3 },
      { field: "registered", operator: "within_days", date: "2026-01-01" },
      { field: "paid_payments_sum", operator: "gte", value: -1 },
      { field: "paid_payments_count", operator: "gte", value: null },
      { field: "email_domain", operator: "is", value: "not a domain" },
      { field: "group", match: "all", rules: [{ field: "group", match: "all", rules: [] }] },
    ];
    for (const rule of bad)
      expect(
        segmentRulesSchema.safeParse({ match: "all", rules: [rule] }).success,
        JSON.stringify(rule),
      ).toBe(false);
  });

  it("finds referenced segments inside groups", () => {
    const rules: SegmentRules = {
      match: "any",
      rules: [
        ...inSegment("a").rules,
        {
          field: "group",
          match: "all",
          rules: [{ field: "segment", operator: "not_in", value: "b" }],
        },
      ],
    };
    expect(referencedSegmentCodes(rules)).toEqual(["a", "b"]);
  });
});

describe("compileSegmentRules", () => {
  it("binds every value as a parameter", () => {
    const attack = "x' or 1=1 --";
    const query = render({
      match: "any",
      rules: [
        { field: "email", operator: "contains", value: attack },
        { field: "name", operator: "is", value: attack },
      ],
    });
    expect(query.sql).not.toContain("1=1");
    expect(query.params).toEqual([attack, attack]);
  });

  it("detects a cycle through several segments and names the path", () => {
    const catalog = new Map<string, unknown>([
      ["a", inSegment("b")],
      ["b", inSegment("c")],
      ["c", inSegment("a")],
    ]);
    expect(() => render(inSegment("a"), catalog)).toThrow(
      expect.objectContaining({
        code: "segment_cycle",
        message: expect.stringContaining("a → b → c → a"),
      }),
    );
  });

  it("compiles a diamond (two paths to one segment) without calling it a cycle", () => {
    const leaf: SegmentRules = {
      match: "all",
      rules: [{ field: "role", operator: "is", value: "admin" }],
    };
    const catalog = new Map<string, unknown>([
      ["left", inSegment("base")],
      ["right", inSegment("base")],
      ["base", leaf],
    ]);
    const query = render(
      { match: "all", rules: [...inSegment("left").rules, ...inSegment("right").rules] },
      catalog,
    );
    expect(query.params).toEqual(["admin", "admin"]);
  });

  it("reports a missing segment and stored rules that no longer validate", () => {
    expect(() => render(inSegment("ghost"))).toThrow(
      expect.objectContaining({ code: "segment_not_found" }),
    );
    const catalog = new Map<string, unknown>([["broken", { match: "maybe", rules: [] }]]);
    expect(() => render(inSegment("broken"), catalog)).toThrow(
      expect.objectContaining({ code: "segment_rules_invalid" }),
    );
  });
});

describe("rule builder helpers", () => {
  const rules: SegmentRules = {
    match: "all",
    rules: [
      { field: "paid_payments_sum", operator: "gte", value: 1999 },
      {
        field: "group",
        match: "any",
        rules: [
          { field: "subscription", operator: "has", content_access: "web" },
          { field: "name", operator: "is_empty" },
        ],
      },
    ],
  };

  it("round-trips the rules tree through the editor state", () => {
    expect(toRules(toEditorState(rules))).toEqual(rules);
  });

  it("keeps a typed value when the operator changes and resets it when the value kind changes", () => {
    expect(
      ruleFor("email", "contains", { field: "email", operator: "is", value: "a@b.c" }),
    ).toEqual({ field: "email", operator: "contains", value: "a@b.c" });
    expect(
      ruleFor("registered", "within_days", {
        field: "registered",
        operator: "before",
        date: "2026-01-01",
      }),
    ).toEqual({
      field: "registered",
      operator: "within_days",
      days: 30,
    });
  });

  it("summarises rules in words, money in the user's units", () => {
    expect(describeRules(rules, formatMoney)).toBe(
      `Paid sum ≥ ${formatMoney(1999)} and (Has an actual subscription with web or Name is empty)`,
    );
    expect(describeRules({ match: "any", rules: [] }, formatMoney)).toBe("Nobody");
  });
});
