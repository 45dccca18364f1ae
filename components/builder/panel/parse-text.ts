/**
 * What a typed number means: a value, or why it is not one yet. Fields keep the text people type ("4.", "") and
 * only hand a value to the config when it parses.
 */
import { parseMoney } from "@/lib/money";

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export function parseInteger(text: string): Parsed<number> {
  const trimmed = text.trim();
  if (!/^-?\d+$/.test(trimmed)) return { ok: false, message: "Enter a whole number." };
  return { ok: true, value: Number(trimmed) };
}

export function parseDecimal(text: string): Parsed<number> {
  const trimmed = text.trim();
  if (!/^-?\d+([.,]\d+)?$/.test(trimmed)) return { ok: false, message: "Enter a number." };
  return { ok: true, value: Number(trimmed.replace(",", ".")) };
}

/** A decimal amount ("4.99", "10", "0,5") as integer cents. */
export function parseMoneyText(text: string): Parsed<number> {
  const cents = parseMoney(text);
  return cents === null
    ? { ok: false, message: "Enter an amount like 4.99." }
    : { ok: true, value: cents };
}

/** An optional field: empty text means no value. */
export function optional<T>(
  parse: (text: string) => Parsed<T>,
): (text: string) => Parsed<T | undefined> {
  return (text) => (text.trim() === "" ? { ok: true, value: undefined } : parse(text));
}
