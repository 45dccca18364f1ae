/**
 * Postgres cannot store NUL in text or jsonb, and rejects unpaired UTF-16 surrogates in jsonb; both would surface as
 * a 500 from deep inside a query. Request bodies are checked once, up front, so such input is a plain 400.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when every string in a parsed JSON value (object keys included) can be stored as Postgres text and jsonb. */
export function isStorableJson(value: unknown): boolean {
  if (typeof value === "string") return !UNSTORABLE.test(value);
  if (Array.isArray(value)) return value.every(isStorableJson);
  if (value !== null && typeof value === "object") {
    return Object.entries(value).every(
      ([key, child]) => !UNSTORABLE.test(key) && isStorableJson(child),
    );
  }
  return true;
}
