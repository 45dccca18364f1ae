import { describe, expect, it } from "vitest";
import { findJsonBodyProblem, MAX_JSON_DEPTH } from "@/lib/api/storable-text";

/** An array nested `depth` levels deep: [[[…]]]. */
function nested(depth: number): unknown {
  let value: unknown = [];
  for (let level = 1; level < depth; level++) value = [value];
  return value;
}

describe("findJsonBodyProblem", () => {
  it("accepts ordinary JSON, emoji (paired surrogates) and non-Latin text", () => {
    expect(
      findJsonBodyProblem({ a: ["Grüße", "😀", 1, null, true, { ключ: "значение" }] }),
    ).toBeNull();
    expect(findJsonBodyProblem(String.raw`\u0000 as literal text`)).toBeNull();
  });

  it.each([
    ["a NUL in a value", { a: "x\u0000y" }],
    ["a NUL in a key", { "k\u0000": 1 }],
    ["a NUL deep in an array", [[["\u0000"]]]],
    ["a lone high surrogate", "\ud83d"],
    ["a lone low surrogate", "x\ude00"],
    ["reversed surrogates", "\ude00\ud83d"],
  ])("refuses %s as unstorable", (_name, value) => {
    expect(findJsonBodyProblem(value)).toBe("unstorable");
  });

  it("accepts nesting up to the limit and refuses one level more", () => {
    expect(findJsonBodyProblem(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(findJsonBodyProblem(nested(MAX_JSON_DEPTH + 1))).toBe("too_deep");
    expect(findJsonBodyProblem({ a: { b: { c: 1 } } }, 2)).toBe("too_deep");
  });

  it("walks a body nested 100,000 deep without overflowing the stack", () => {
    expect(findJsonBodyProblem(nested(100_000))).toBe("too_deep");
    expect(findJsonBodyProblem(JSON.parse(`${"[".repeat(5000)}${"]".repeat(5000)}`))).toBe(
      "too_deep",
    );
  });
});
