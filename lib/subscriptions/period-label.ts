/**
 * A subscription length in words for prices and renewals ("€4.99 / month", "every year"): month and year for the
 * usual lengths, else the days. UI-safe.
 */
export function periodLabel(lengthDays: number): string {
  if (lengthDays >= 28 && lengthDays <= 31) return "month";
  if (lengthDays === 365 || lengthDays === 366) return "year";
  if (lengthDays === 7) return "week";
  return lengthDays === 1 ? "day" : `${lengthDays} days`;
}
