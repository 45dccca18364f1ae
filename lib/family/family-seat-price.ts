import { DAY_MS } from "@/lib/clock";
import { divideRounded, type Cents } from "@/lib/money";

/**
 * The price of one extra family seat bought mid-term (UI-safe, pure). A seat lasts what is left of the master
 * subscription, so it costs that share of a full period's seat price:
 *
 *   unit = round(R · P / L), half away from zero, exactly (lib/money)
 *
 * R — whole days left of the master subscription (wholeDaysLeft);
 * L — the period the price is for: the child type's length (customizable) or the master type's length (dynamic);
 * P — the price of one seat for L: the child type's price (customizable), or for a dynamic family what the master paid
 *     per seat, `periodPriceCents / periodSeats` — the master-type items' total on the payment that started the
 *     subscription divided by their count. The division is not rounded on its own: unit = round(R · T / (L · N)).
 */
export function familySeatUnitPriceCents(options: {
  daysLeft: number;
  periodPriceCents: Cents;
  /** How many seats `periodPriceCents` paid for (1 for a child type's price). */
  periodSeats: number;
  lengthDays: number;
}): Cents {
  const { daysLeft, periodPriceCents, periodSeats, lengthDays } = options;
  if (!Number.isSafeInteger(daysLeft) || daysLeft < 0)
    throw new RangeError(`daysLeft must be a whole number ≥ 0, got ${daysLeft}`);
  if (!Number.isSafeInteger(lengthDays) || lengthDays <= 0)
    throw new RangeError(`lengthDays must be positive, got ${lengthDays}`);
  if (!Number.isSafeInteger(periodSeats) || periodSeats <= 0)
    throw new RangeError(`periodSeats must be positive, got ${periodSeats}`);
  return divideRounded(
    BigInt(daysLeft) * BigInt(periodPriceCents),
    BigInt(lengthDays) * BigInt(periodSeats),
  );
}

/** Whole days from `at` until `endAt` (a part of a day does not count); 0 when it has ended. */
export function wholeDaysLeft(endAt: Date, at: Date): number {
  return Math.max(0, Math.floor((endAt.getTime() - at.getTime()) / DAY_MS));
}

export const FAMILY_SEATS_MAX_COUNT = 100;

/** The payment item's name for seats of a type, priced for the days left: "Family seat: Kids web (12 days)". */
export function familySeatItemName(typeName: string, daysLeft: number): string {
  return `Family seat: ${typeName} (${daysLeft} day${daysLeft === 1 ? "" : "s"})`;
}
