import { describe, expect, it } from "vitest";
import {
  billingPeriodOf,
  groupPricingPlans,
  type OfferedTypeForPricing,
} from "@/lib/purchases/pricing-groups";

const type = (
  code: string,
  lengthDays: number,
  priceCents: number,
  access: [string, string][],
): OfferedTypeForPricing => ({
  code,
  name: code,
  description: null,
  lengthDays,
  priceCents,
  highlighted: false,
  contentAccess: access.map(([accessCode]) => accessCode),
  contentAccessNames: access.map(([, name]) => name),
});
const WEB: [string, string] = ["web", "Web"];
const PRINT: [string, string] = ["print", "Print"];

describe("groupPricingPlans", () => {
  const types = [
    type("web_monthly", 31, 499, [WEB]),
    type("web_print_monthly", 31, 1290, [WEB, PRINT]),
    type("web_yearly", 365, 4990, [WEB]),
    type("web_intro", 31, 99, [WEB]),
  ];

  it("splits monthly (up to 31 days) from yearly and groups by content access in position order", () => {
    const monthly = groupPricingPlans(types, "monthly");
    expect(
      monthly.map((group) => [group.key, group.title, group.plans.map((plan) => plan.code)]),
    ).toEqual([
      ["web", "Web", ["web_monthly", "web_intro"]],
      ["web_print", "Web + Print", ["web_print_monthly"]],
    ]);
    expect(
      groupPricingPlans(types, "yearly").map((group) => group.plans.map((plan) => plan.code)),
    ).toEqual([["web_yearly"]]);
    expect(billingPeriodOf(31)).toBe("monthly");
    expect(billingPeriodOf(32)).toBe("yearly");
  });

  it("gives longer types a per-month price over 31 days, rounded half away from zero, and monthly ones none", () => {
    const [yearly] = groupPricingPlans(types, "yearly");
    // 4990 · 31 / 365 = 423.8…
    expect(yearly?.plans[0]?.perMonthCents).toBe(424);
    expect(groupPricingPlans(types, "monthly")[0]?.plans[0]?.perMonthCents).toBeNull();
  });
});
