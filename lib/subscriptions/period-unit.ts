export type PeriodUnit = "month" | "year" | "week" | "days";

/**
 * A subscription length as the values of a translated message (`Period.per`: "/ mesiac", `Period.every`: "každých
 * 5 dní"): month and year for the usual lengths, else the days — the choice periodLabel makes in English. UI-safe.
 */
export function periodUnit(lengthDays: number): { unit: PeriodUnit; days: number } {
  if (lengthDays >= 28 && lengthDays <= 31) return { unit: "month", days: lengthDays };
  if (lengthDays === 365 || lengthDays === 366) return { unit: "year", days: lengthDays };
  if (lengthDays === 7) return { unit: "week", days: lengthDays };
  return { unit: "days", days: lengthDays };
}
