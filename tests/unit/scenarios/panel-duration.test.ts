import { describe, expect, it } from "vitest";
import {
  amountToMinutes,
  durationRangeMessage,
  splitMinutes,
} from "@/components/builder/panel/duration";

describe("panel durations — stored as minutes, typed as an amount and a unit", () => {
  it("shows the largest unit that divides the stored minutes evenly", () => {
    expect(splitMinutes(1440)).toEqual({ amount: 1, unit: "days" });
    expect(splitMinutes(7 * 1440)).toEqual({ amount: 7, unit: "days" });
    expect(splitMinutes(120)).toEqual({ amount: 2, unit: "hours" });
    expect(splitMinutes(1500)).toEqual({ amount: 25, unit: "hours" });
    expect(splitMinutes(90)).toEqual({ amount: 90, unit: "minutes" });
    expect(splitMinutes(0)).toEqual({ amount: 0, unit: "days" });
  });

  it("converts an amount in a unit to whole minutes, and round-trips what it shows", () => {
    expect(amountToMinutes("3", "days")).toEqual({ ok: true, value: 4320 });
    expect(amountToMinutes(" 2 ", "hours")).toEqual({ ok: true, value: 120 });
    expect(amountToMinutes("1.5", "hours")).toEqual({ ok: true, value: 90 });
    expect(amountToMinutes("0.1", "hours")).toEqual({ ok: true, value: 6 });
    for (const minutes of [1, 59, 60, 61, 1440, 2880, 525_600]) {
      const { amount, unit } = splitMinutes(minutes);
      expect(amountToMinutes(String(amount), unit)).toEqual({ ok: true, value: minutes });
    }
  });

  it("refuses what is not a number or not whole minutes, so half-typed text is not stored", () => {
    for (const text of ["", "abc", "-1", "1e3", "4."])
      expect(amountToMinutes(text, "days").ok).toBe(false);
    expect(amountToMinutes("1.5", "minutes")).toEqual({
      ok: false,
      message: "That is not a whole number of minutes.",
    });
  });

  it("states the range in the units people read", () => {
    expect(durationRangeMessage(0, { min: 1, max: 525_600 })).toBe("Enter at least 1 minute.");
    expect(durationRangeMessage(526_000, { min: 1, max: 525_600 })).toBe("Enter at most 365 days.");
    expect(durationRangeMessage(0, { min: 0, max: 525_600 })).toBeNull();
    expect(durationRangeMessage(1440, { min: 1, max: 525_600 })).toBeNull();
  });
});
