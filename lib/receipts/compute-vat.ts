import { mulDivRounded, type Cents } from "@/lib/money";

/**
 * The VAT contained in a VAT-inclusive total: total · rate / (100 + rate), in exact integer cents rounded half away
 * from zero. The rate is taken in hundredths of a percent, so 8.1 % is as exact as 20 %.
 */
export function vatContained(totalCents: Cents, ratePercent: number): Cents {
  const rateHundredths = Math.round(ratePercent * 100);
  if (rateHundredths < 0) throw new RangeError(`VAT rate must not be negative, got ${ratePercent}`);
  return mulDivRounded(totalCents, rateHundredths, 10_000 + rateHundredths);
}
