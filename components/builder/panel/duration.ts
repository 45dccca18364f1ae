/**
 * Durations are stored as whole minutes and entered as an amount of minutes, hours or days. Pure, so the conversions
 * the wait, before-event, banner and goal forms share are tested once.
 */
import type { Parsed } from "./parse-text";

export const DURATION_UNITS = [
  { unit: "minutes", label: "minutes", minutes: 1 },
  { unit: "hours", label: "hours", minutes: 60 },
  { unit: "days", label: "days", minutes: 1440 },
] as const;

export type DurationUnit = (typeof DURATION_UNITS)[number]["unit"];

const unitMinutes = (unit: DurationUnit) => DURATION_UNITS.find((u) => u.unit === unit)!.minutes;

/** The largest unit that divides the minutes evenly: 1440 → 1 day, 90 → 90 minutes (0 reads as 0 days). */
export function splitMinutes(minutes: number): { amount: number; unit: DurationUnit } {
  for (const { unit, minutes: size } of [...DURATION_UNITS].reverse()) {
    if (minutes % size === 0) return { amount: minutes / size, unit };
  }
  return { amount: minutes, unit: "minutes" };
}

/** An amount typed in a unit as whole minutes: "1.5" hours is 90; "1.5" minutes is refused. */
export function amountToMinutes(text: string, unit: DurationUnit): Parsed<number> {
  const trimmed = text.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return { ok: false, message: "Enter a number." };
  const minutes = Number(trimmed) * unitMinutes(unit);
  const whole = Math.round(minutes);
  if (Math.abs(minutes - whole) > 1e-6)
    return { ok: false, message: "That is not a whole number of minutes." };
  return { ok: true, value: whole };
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** The bound in the biggest unit that states it exactly ("365 days", "1 minute"). */
function describeBound(minutes: number): string {
  const { amount, unit } = splitMinutes(minutes);
  return plural(amount, unit.slice(0, -1));
}

/** Range messages in the units people typed, instead of the schema's minute bounds. */
export function durationRangeMessage(
  minutes: number,
  bounds: { min: number; max: number },
): string | null {
  if (minutes < bounds.min) return `Enter at least ${describeBound(bounds.min)}.`;
  if (minutes > bounds.max) return `Enter at most ${describeBound(bounds.max)}.`;
  return null;
}
