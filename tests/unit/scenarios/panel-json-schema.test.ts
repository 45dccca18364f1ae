import { z } from "zod";
import { describe, expect, it } from "vitest";
import {
  checkJsonValue,
  checkParams,
  defaultParams,
  paramFields,
} from "@/components/builder/panel/json-schema";
import { describeGenericActions, findGenericAction } from "@/lib/scenarios/actions";

const schemaOf = (code: string) =>
  describeGenericActions().find((a) => a.code === code)!.paramsSchema;

describe("panel params form — an action's JSON Schema as form fields", () => {
  it("lists each registered action's params with their kind, title and required flag", () => {
    expect(
      paramFields(schemaOf("extend_subscription")).map(({ name, label, kind, required }) => ({
        name,
        label,
        kind,
        required,
      })),
    ).toEqual([{ name: "days", label: "Days", kind: "integer", required: true }]);
    expect(paramFields(schemaOf("webhook")).map((f) => [f.name, f.kind, f.required])).toEqual([
      ["url", "url", true],
    ]);
    expect(
      paramFields(schemaOf("emit_event")).map((f) => [f.name, f.label, f.kind, f.required]),
    ).toEqual([
      ["name", "Event name", "string", true],
      ["payload", "Payload (JSON)", "json", false],
    ]);
  });

  it("reads enums, booleans, numbers and untitled names", () => {
    const schema = z.toJSONSchema(
      z.strictObject({
        channel: z.enum(["sms", "push"]),
        urgent: z.boolean(),
        ratio: z.number().min(0.5).optional(),
        max_days: z.number().int(),
      }),
      { io: "input" },
    );
    const fields = paramFields(schema);
    expect(fields.map((f) => [f.name, f.label, f.kind, f.required])).toEqual([
      ["channel", "Channel", "enum", true],
      ["urgent", "Urgent", "boolean", true],
      ["ratio", "Ratio", "number", false],
      ["max_days", "Max days", "integer", true],
    ]);
    expect(fields[0]!.options).toEqual(["sms", "push"]);
    expect(defaultParams(schema)).toEqual({ channel: "sms", urgent: false, max_days: 0 });
  });

  it("starts a newly chosen action from defaults its own schema accepts where it can", () => {
    expect(defaultParams(schemaOf("extend_subscription"))).toEqual({ days: 1 });
    expect(
      findGenericAction("extend_subscription")!.params.safeParse(
        defaultParams(schemaOf("extend_subscription")),
      ).success,
    ).toBe(true);
    expect(defaultParams(schemaOf("webhook"))).toEqual({ url: "" });
    expect(defaultParams(schemaOf("emit_event"))).toEqual({ name: "" });
    expect(
      defaultParams(z.toJSONSchema(z.object({ n: z.number().default(5) }), { io: "input" })),
    ).toEqual({ n: 5 });
  });

  it("says what is wrong with each param where the action's zod schema refuses it", () => {
    const cases: [string, Record<string, unknown>][] = [
      ["extend_subscription", { days: 7 }],
      ["extend_subscription", { days: 0 }],
      ["extend_subscription", { days: 2.5 }],
      ["extend_subscription", {}],
      ["webhook", { url: "https://example.com/hook" }],
      ["webhook", { url: "" }],
      ["webhook", { url: "example" }],
      ["emit_event", { name: "custom.signup" }],
      ["emit_event", { name: "signup" }],
      ["emit_event", { name: "custom.signup", payload: { plan: "pro" } }],
      ["emit_event", { name: "custom.signup", payload: [1] }],
    ];
    for (const [code, params] of cases) {
      const server = findGenericAction(code)!.params.safeParse(params).success;
      expect([code, params, Object.keys(checkParams(schemaOf(code), params)).length === 0]).toEqual(
        [code, params, server],
      );
    }
    expect(checkParams(schemaOf("extend_subscription"), { days: 0 })).toEqual({
      days: "Must be at least 1.",
    });
    expect(checkParams(schemaOf("webhook"), { url: "" })).toEqual({
      url: "Enter a full URL (https://…).",
    });
  });

  it("checks union, list and date values, writing bounds the way the field shows numbers", () => {
    const schema = z.toJSONSchema(z.union([z.iso.date(), z.number().int().min(0)]), {
      io: "input",
    });
    expect(checkJsonValue(schema, "2026-02-28")).toBeNull();
    expect(checkJsonValue(schema, 30)).toBeNull();
    expect(checkJsonValue(schema, "2026-02-30")).not.toBeNull();
    const list = z.toJSONSchema(z.array(z.string().min(1)).min(1), { io: "input" });
    expect(checkJsonValue(list, [])).toBe("Choose at least 1.");
    expect(checkJsonValue(list, ["monthly"])).toBeNull();
    const money = z.toJSONSchema(z.number().int().min(0).max(100_000_000), { io: "input" });
    expect(checkJsonValue(money, -100, (n) => (n / 100).toFixed(2))).toBe("Must be at least 0.00.");
  });
});
