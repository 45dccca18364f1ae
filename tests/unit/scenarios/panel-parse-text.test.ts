import { describe, expect, it } from "vitest";
import {
  optional,
  parseDecimal,
  parseInteger,
  parseMoneyText,
} from "@/components/builder/panel/parse-text";
import { centsToDecimal } from "@/lib/money";

describe("panel number fields — typed text to the value the config stores", () => {
  it("reads money in currency units as integer cents, and shows cents back as the same amount", () => {
    expect(parseMoneyText("4.99")).toEqual({ ok: true, value: 499 });
    expect(parseMoneyText("10")).toEqual({ ok: true, value: 1000 });
    expect(parseMoneyText("0,5")).toEqual({ ok: true, value: 50 });
    expect(parseMoneyText("0.1")).toEqual({ ok: true, value: 10 });
    for (const cents of [0, 1, 10, 499, 1000, 123_456])
      expect(parseMoneyText(centsToDecimal(cents))).toEqual({ ok: true, value: cents });
  });

  it("keeps half-typed money unparsed instead of guessing", () => {
    for (const text of ["4.", "", "4.999", "abc", "4.9.9"])
      expect(parseMoneyText(text).ok).toBe(false);
  });

  it("reads whole numbers and decimals, refusing the rest", () => {
    expect(parseInteger("42")).toEqual({ ok: true, value: 42 });
    expect(parseInteger("-3")).toEqual({ ok: true, value: -3 });
    expect(parseInteger("4.5").ok).toBe(false);
    expect(parseInteger("").ok).toBe(false);
    expect(parseDecimal("2,5")).toEqual({ ok: true, value: 2.5 });
    expect(parseDecimal("2.").ok).toBe(false);
  });

  it("reads an emptied optional field as no value", () => {
    expect(optional(parseInteger)("")).toEqual({ ok: true, value: undefined });
    expect(optional(parseInteger)("7")).toEqual({ ok: true, value: 7 });
    expect(optional(parseInteger)("x").ok).toBe(false);
  });
});
