import { mulDivRounded, type Cents } from "@/lib/money";
import type { DiscountKind } from "@/lib/db/schema";

/** What a discount code takes off (the columns of discount_codes that say how much). */
export interface DiscountTerms {
  kind: DiscountKind;
  percentOff: number | null;
  amountOffCents: number | null;
}

/**
 * The cents a code takes off an amount: a percentage rounds half away from zero (lib/money.ts), a fixed amount is
 * taken whole; either way never more than the amount, so a payment cannot go below zero. Pure and UI-safe.
 */
export function discountAmountCents(amountCents: Cents, terms: DiscountTerms): Cents {
  if (!Number.isSafeInteger(amountCents) || amountCents < 0)
    throw new RangeError(`amount must be whole non-negative cents, got ${amountCents}`);
  const off =
    terms.kind === "percent"
      ? mulDivRounded(amountCents, terms.percentOff ?? 0, 100)
      : (terms.amountOffCents ?? 0);
  return Math.min(Math.max(off, 0), amountCents);
}
