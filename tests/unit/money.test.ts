import { describe, expect, it } from "vitest";
import {
  centsToDecimal,
  divideRounded,
  formatMoney,
  mulDivRounded,
  parseMoney,
  sumCents,
} from "@/lib/money";

describe("divideRounded rounds half away from zero", () => {
  it.each([
    [5, 2, 3],
    [-5, 2, -3],
    [5, -2, -3],
    [7, 2, 4],
    [1, 3, 0],
    [2, 3, 1],
    [-1, 3, 0],
    [-2, 3, -1],
    [149, 100, 1],
    [150, 100, 2],
    [-150, 100, -2],
    [0, 7, 0],
  ])("%i / %i = %i", (n, d, expected) => {
    expect(divideRounded(n, d)).toBe(expected);
  });

  it("never returns negative zero", () => {
    expect(Object.is(divideRounded(-1, 3), 0)).toBe(true);
  });

  it("refuses division by zero", () => {
    expect(() => divideRounded(1, 0)).toThrow(RangeError);
  });
});

describe("mulDivRounded", () => {
  it("matches the design's worked example: credit for 30 of 31 days of 5.00", () => {
    expect(mulDivRounded(30, 500, 31)).toBe(484); // 483.87…
    expect(mulDivRounded(30, 1000, 31)).toBe(968); // 967.74…
  });

  it("is exact where floating point is not", () => {
    // 0.1 + 0.2 style traps: 1005 * 1 / 2 = 502.5 → 503 exactly.
    expect(mulDivRounded(1005, 1, 2)).toBe(503);
    expect(mulDivRounded(Number.MAX_SAFE_INTEGER, 2, 4)).toBe(
      Math.round(Number.MAX_SAFE_INTEGER / 2),
    );
  });

  it("rejects non-integers", () => {
    expect(() => mulDivRounded(1.5, 2, 3)).toThrow(RangeError);
  });
});

describe("parsing and formatting", () => {
  it.each([
    ["4.99", 499],
    ["10", 1000],
    ["0,5", 50],
    [" 7.05 ", 705],
    ["-3.10", -310],
  ])("parses %s", (input, cents) => {
    expect(parseMoney(input)).toBe(cents);
  });

  it.each(["", "abc", "1.999", "1.2.3", "1e3"])("rejects %s", (input) => {
    expect(parseMoney(input)).toBeNull();
  });

  it("formats cents", () => {
    expect(centsToDecimal(499)).toBe("4.99");
    expect(centsToDecimal(-5)).toBe("-0.05");
    expect(formatMoney(4990, "en", "EUR")).toBe("€49.90");
    // Slovak: a decimal comma and the sign after the amount, with a no-break space between.
    expect(formatMoney(1290, "sk", "EUR")).toBe("12,90\u00a0€");
    expect(formatMoney(123456, "sk", "EUR")).toBe("1\u00a0234,56\u00a0€");
  });

  it("sums integer cents only", () => {
    expect(sumCents([1, 2, 3])).toBe(6);
    expect(() => sumCents([0.5])).toThrow(RangeError);
  });
});
