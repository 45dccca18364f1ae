import { describe, expect, it } from "vitest";
import { familySeatUnitPriceCents, wholeDaysLeft } from "@/lib/family/family-seat-price";

describe("familySeatUnitPriceCents: round(R · P / L), P = periodPriceCents / periodSeats, half away from zero", () => {
  it("charges the share of a full period's seat price for the whole days left", () => {
    // 265 days of a 365-day seat at 99.90: 265 · 9990 / 365 = 7252.876… → 7253
    expect(
      familySeatUnitPriceCents({
        daysLeft: 265,
        periodPriceCents: 9990,
        periodSeats: 1,
        lengthDays: 365,
      }),
    ).toBe(7253);
    // A 31-day child type at 9.90 with 360 days left costs more than one period: 11496.77… → 11497
    expect(
      familySeatUnitPriceCents({
        daysLeft: 360,
        periodPriceCents: 990,
        periodSeats: 1,
        lengthDays: 31,
      }),
    ).toBe(11497);
  });

  it("rounds an exact half away from zero and a smaller fraction down", () => {
    // 1 · 101 / 2 = 50.5 → 51; 1 · 201 / 4 = 50.25 → 50
    expect(
      familySeatUnitPriceCents({
        daysLeft: 1,
        periodPriceCents: 101,
        periodSeats: 1,
        lengthDays: 2,
      }),
    ).toBe(51);
    expect(
      familySeatUnitPriceCents({
        daysLeft: 1,
        periodPriceCents: 201,
        periodSeats: 1,
        lengthDays: 4,
      }),
    ).toBe(50);
  });

  it("divides a dynamic family's total by its seats without rounding the per-seat price first", () => {
    // 3 seats for 100.00 (33.333… a seat); 10 days of 30: 10000 · 10 / (30 · 3) = 1111.1 → 1111
    expect(
      familySeatUnitPriceCents({
        daysLeft: 10,
        periodPriceCents: 10000,
        periodSeats: 3,
        lengthDays: 30,
      }),
    ).toBe(1111);
    // 600 days of 200: exactly 3 periods, 10000 — rounding the seat to 33.33 first would give 9999
    expect(
      familySeatUnitPriceCents({
        daysLeft: 600,
        periodPriceCents: 10000,
        periodSeats: 3,
        lengthDays: 200,
      }),
    ).toBe(10000);
  });

  it("costs nothing with no days left or a free price, and refuses nonsense", () => {
    expect(
      familySeatUnitPriceCents({
        daysLeft: 0,
        periodPriceCents: 9990,
        periodSeats: 1,
        lengthDays: 365,
      }),
    ).toBe(0);
    expect(
      familySeatUnitPriceCents({
        daysLeft: 100,
        periodPriceCents: 0,
        periodSeats: 1,
        lengthDays: 365,
      }),
    ).toBe(0);
    expect(() =>
      familySeatUnitPriceCents({
        daysLeft: 1,
        periodPriceCents: 100,
        periodSeats: 1,
        lengthDays: 0,
      }),
    ).toThrow(RangeError);
    expect(() =>
      familySeatUnitPriceCents({
        daysLeft: 1,
        periodPriceCents: 100,
        periodSeats: 0,
        lengthDays: 30,
      }),
    ).toThrow(RangeError);
    expect(() =>
      familySeatUnitPriceCents({
        daysLeft: 1.5,
        periodPriceCents: 100,
        periodSeats: 1,
        lengthDays: 30,
      }),
    ).toThrow(RangeError);
  });
});

describe("wholeDaysLeft", () => {
  const at = new Date("2026-06-01T10:00:00Z");
  it("counts whole days only, and 0 once ended", () => {
    expect(wholeDaysLeft(new Date("2026-06-11T10:00:00Z"), at)).toBe(10);
    expect(wholeDaysLeft(new Date("2026-06-11T09:59:59Z"), at)).toBe(9);
    expect(wholeDaysLeft(new Date("2026-06-01T09:00:00Z"), at)).toBe(0);
  });
});
