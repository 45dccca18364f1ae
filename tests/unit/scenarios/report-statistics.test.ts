import { describe, expect, it } from "vitest";
import {
  conversionRate,
  normalUpperTail,
  revenuePerUser,
  twoProportionPValue,
  upliftInterval,
} from "@/lib/scenarios/conversions/report-statistics";

// Reference values computed with scipy.stats.norm (ppf(0.975), sf) from the textbook formulas.
describe("scenario report statistics", () => {
  it("gives rates and revenue per user, and nothing for an empty group", () => {
    expect(conversionRate({ entered: 200, converted: 30 })).toBe(0.15);
    expect(revenuePerUser({ entered: 4, revenueCents: 1000 })).toBe(250);
    expect(conversionRate({ entered: 0, converted: 0 })).toBeNull();
    expect(revenuePerUser({ entered: 0, revenueCents: 0 })).toBeNull();
  });

  it("computes the uplift's 95 % interval with the unpooled standard error", () => {
    const a = upliftInterval({ entered: 1000, converted: 120 }, { entered: 1000, converted: 100 })!;
    expect(a.difference).toBeCloseTo(0.02, 12);
    expect(a.low).toBeCloseTo(-0.0074114819980199455, 9);
    expect(a.high).toBeCloseTo(0.04741148199801992, 9);
    const b = upliftInterval({ entered: 200, converted: 30 }, { entered: 180, converted: 10 })!;
    expect(b.difference).toBeCloseTo(0.09444444444444444, 12);
    expect(b.low).toBeCloseTo(0.03470587397940142, 9);
    expect(b.high).toBeCloseTo(0.15418301490948746, 9);
    expect(upliftInterval({ entered: 10, converted: 1 }, { entered: 0, converted: 0 })).toBeNull();
  });

  it("computes the two-sided p-value of a difference with the pooled z-test", () => {
    expect(
      twoProportionPValue({ entered: 1000, converted: 120 }, { entered: 1000, converted: 100 }),
    ).toBeCloseTo(0.1529177818639462, 6);
    expect(
      twoProportionPValue({ entered: 200, converted: 30 }, { entered: 180, converted: 10 }),
    ).toBeCloseTo(0.0027411499977576786, 6);
    expect(twoProportionPValue({ entered: 50, converted: 5 }, { entered: 50, converted: 5 })).toBe(
      1,
    );
    expect(twoProportionPValue({ entered: 50, converted: 0 }, { entered: 40, converted: 0 })).toBe(
      1,
    );
    expect(
      twoProportionPValue({ entered: 0, converted: 0 }, { entered: 40, converted: 4 }),
    ).toBeNull();
  });

  it("has the normal tail right", () => {
    expect(normalUpperTail(1.959963984540054)).toBeCloseTo(0.025, 7);
    expect(normalUpperTail(3)).toBeCloseTo(0.0013498980316300933, 7);
    expect(normalUpperTail(0)).toBeCloseTo(0.5, 7);
  });
});
