/** The rows of a raw `db.execute` result, whichever driver ran it (pg and Neon: `{ rows }`; PGlite: `{ rows }` too). */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  const rows = (result as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? (rows as T[]) : [];
}
