/**
 * Parses `application/x-www-form-urlencoded` with bracket notation, as Stripe's API reads what its SDKs send:
 * `line_items[0][price_data][currency]=eur&expand[]=payment_intent` → `{ line_items: [{ price_data: { currency:
 * "eur" } }], expand: ["payment_intent"] }`. Values stay strings; objects keyed 0…n-1 become arrays.
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

const FORBIDDEN_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);

function decode(part: string): string {
  return decodeURIComponent(part.replace(/\+/g, " "));
}

function keyPath(key: string): string[] {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!match) throw new Error(`malformed form key "${key}"`);
  const path = [
    match[1]!,
    ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((segment) => segment[1]!),
  ];
  if (path.some((segment) => FORBIDDEN_SEGMENTS.has(segment)))
    throw new Error(`forbidden form key "${key}"`);
  return path;
}

function assign(root: FormObject, path: string[], value: string): void {
  let container: FormObject = root;
  path.forEach((rawSegment, index) => {
    // `expand[]=a&expand[]=b`: an empty index appends.
    const segment = rawSegment === "" ? String(Object.keys(container).length) : rawSegment;
    if (index === path.length - 1) {
      container[segment] = value;
      return;
    }
    const next = container[segment];
    if (next === undefined || typeof next === "string") container[segment] = {};
    container = container[segment] as FormObject;
  });
}

function withArrays(value: FormValue): FormValue {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const converted = Object.fromEntries(keys.map((key) => [key, withArrays(value[key]!)]));
  const isList = keys.length > 0 && keys.every((key, position) => key === String(position));
  return isList ? keys.map((key) => converted[key]!) : converted;
}

export function parseFormUrlencoded(body: string): FormObject {
  const root: FormObject = {};
  for (const pair of body.split("&")) {
    if (!pair) continue;
    const separator = pair.indexOf("=");
    const key = decode(separator < 0 ? pair : pair.slice(0, separator));
    const value = separator < 0 ? "" : decode(pair.slice(separator + 1));
    assign(root, keyPath(key), value);
  }
  return withArrays(root) as FormObject;
}
