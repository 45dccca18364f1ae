import { mulDivRounded } from "@/lib/money";

/** The pricing page's month: types up to this many days are monthly, longer ones yearly (the design's month). */
export const MONTH_DAYS = 31;

export type BillingPeriod = "monthly" | "yearly";

export const billingPeriodOf = (lengthDays: number): BillingPeriod =>
  lengthDays <= MONTH_DAYS ? "monthly" : "yearly";

export interface PricingPlan {
  code: string;
  name: string;
  description: string | null;
  priceCents: number;
  lengthDays: number;
  /** What a longer type costs per 31 days, for comparing with the monthly ones; null for monthly types. */
  perMonthCents: number | null;
  highlighted: boolean;
}

/** The plans that give one set of content access ("Web + Print"). */
export interface PricingGroup {
  /** The content access codes joined by "_" ("web_print"). */
  key: string;
  title: string;
  contentAccess: string[];
  plans: PricingPlan[];
}

export interface OfferedTypeForPricing extends Omit<PricingPlan, "perMonthCents"> {
  contentAccess: string[];
  contentAccessNames: string[];
}

/**
 * The offered types of one billing period grouped by their content access, in the order they come (by position): a
 * group stands where its first type does. UI-safe and pure.
 */
export function groupPricingPlans(
  types: readonly OfferedTypeForPricing[],
  period: BillingPeriod,
): PricingGroup[] {
  const groups = new Map<string, PricingGroup>();
  for (const type of types) {
    if (billingPeriodOf(type.lengthDays) !== period) continue;
    const key = type.contentAccess.join("_");
    const group = groups.get(key) ?? {
      key,
      title: type.contentAccessNames.join(" + "),
      contentAccess: type.contentAccess,
      plans: [],
    };
    groups.set(key, group);
    group.plans.push({
      code: type.code,
      name: type.name,
      description: type.description,
      priceCents: type.priceCents,
      lengthDays: type.lengthDays,
      perMonthCents:
        type.lengthDays > MONTH_DAYS
          ? mulDivRounded(type.priceCents, MONTH_DAYS, type.lengthDays)
          : null,
      highlighted: type.highlighted,
    });
  }
  return [...groups.values()];
}
