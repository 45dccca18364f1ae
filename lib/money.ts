import { intlLocale, type Locale } from "@/lib/i18n/locales";

/**
 * Money is integer minor units (cents). Every division that can leave a fraction of a cent goes through
 * `divideRounded`, which rounds half away from zero using exact integer arithmetic.
 */
export type Cents = number;

function assertSafeInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value))
    throw new RangeError(`${name} must be a safe integer, got ${value}`);
}

/** round(numerator / denominator) with halves rounded away from zero, computed exactly. */
export function divideRounded(numerator: bigint | number, denominator: bigint | number): Cents {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (d === 0n) throw new RangeError("division by zero");
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const quotient = an / ad;
  const twiceRemainder = (an % ad) * 2n;
  const rounded = twiceRemainder >= ad ? quotient + 1n : quotient;
  const result = Number(negative ? -rounded : rounded);
  assertSafeInteger(result, "result");
  return result === 0 ? 0 : result;
}

/** round(a · b / c) to cents, half away from zero, without intermediate floating point. */
export function mulDivRounded(a: number, b: number, c: number): Cents {
  assertSafeInteger(a, "a");
  assertSafeInteger(b, "b");
  assertSafeInteger(c, "c");
  return divideRounded(BigInt(a) * BigInt(b), BigInt(c));
}

/** Sum of cents (integers only). */
export function sumCents(values: readonly Cents[]): Cents {
  let total = 0;
  for (const value of values) {
    assertSafeInteger(value, "value");
    total += value;
  }
  assertSafeInteger(total, "total");
  return total;
}

const MONEY_PATTERN = /^(-)?(\d+)(?:[.,](\d{1,2}))?$/;

/** Parse a decimal amount typed by a person ("4.99", "10", "0,5") into cents, exactly. */
export function parseMoney(input: string): Cents | null {
  const match = MONEY_PATTERN.exec(input.trim());
  if (!match) return null;
  const [, sign, whole = "0", fraction = ""] = match;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  if (!Number.isSafeInteger(cents)) return null;
  return sign ? -cents : cents;
}

/** Cents as a plain decimal string: 499 → "4.99". */
export function centsToDecimal(cents: Cents): string {
  assertSafeInteger(cents, "cents");
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

export const CURRENCY = process.env.NEXT_PUBLIC_CURRENCY ?? "EUR";

/** Cents formatted for people in their language: "€4.99" (en, the admin's), "4,99 €" (sk). */
export function formatMoney(cents: Cents, locale: Locale = "en", currency = CURRENCY): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency }).format(
    Number(centsToDecimal(cents)),
  );
}
