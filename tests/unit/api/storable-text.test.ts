import { describe, expect, it } from "vitest";
import { isStorableJson } from "@/lib/api/storable-text";

describe("isStorableJson", () => {
  it("accepts ordinary JSON, emoji (paired surrogates) and non-Latin text", () => {
    expect(isStorableJson({ a: ["Grüße", "😀", 1, null, true, { ключ: "значение" }] })).toBe(true);
    expect(isStorableJson(String.raw`\u0000 as literal text`)).toBe(true);
  });

  it.each([
    ["a NUL in a value", { a: "x\u0000y" }],
    ["a NUL in a key", { "k\u0000": 1 }],
    ["a NUL deep in an array", [[["\u0000"]]]],
    ["a lone high surrogate", "\ud83d"],
    ["a lone low surrogate", "x\ude00"],
    ["reversed surrogates", "\ude00\ud83d"],
  ])("refuses %s", (_name, value) => {
    expect(isStorableJson(value)).toBe(false);
  });
});
