/** Receipt and credit-note numbers as printed: `2026-000042`, `CN-2026-000007`. UI-safe. */

export type DocumentKind = "receipt" | "credit_note";

const PREFIX: Record<DocumentKind, string> = { receipt: "", credit_note: "CN-" };

/** Six digits, zero-padded; a year past 999,999 documents simply grows a digit, and still sorts within its width. */
export function formatDocumentNumber(kind: DocumentKind, year: number, sequence: number): string {
  return `${PREFIX[kind]}${year}-${String(sequence).padStart(6, "0")}`;
}

/** Documents are numbered per calendar year in UTC, the zone every date on them is printed in. */
export function documentYear(at: Date): number {
  return at.getUTCFullYear();
}
