/**
 * CSV as RFC 4180 writes it (comma-separated, CRLF line ends, a field quoted when it holds a comma, quote, CR or LF,
 * quotes doubled), guarded against formula injection: a text cell a spreadsheet would run as a formula (one starting
 * with = + - @, a tab or a carriage return) gets a leading apostrophe, as OWASP recommends. Numbers, and text that is
 * a plain decimal number (`-0.05`), are written as they are. UI-safe and pure.
 */

export type CsvValue = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
/** A plain decimal number (an amount as centsToDecimal writes it) is data, never a formula. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** One cell: null and undefined as empty, dates as ISO 8601 in UTC, text guarded and quoted as needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString();
  const guarded = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** One record, with its CRLF. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** Cents as a decimal amount with two places (`1234` → `12.34`, `-5` → `-0.05`), exactly. */
export function centsToDecimal(cents: number): string {
  const negative = cents < 0;
  const absolute = Math.abs(cents);
  const whole = Math.trunc(absolute / 100);
  const fraction = String(absolute % 100).padStart(2, "0");
  return `${negative ? "-" : ""}${whole}.${fraction}`;
}
