/** UI-safe shapes the scenario admin actions hand to their client components. */

export interface GraphErrorView {
  nodeId: string | null;
  code: string;
  message: string;
}

/** A fact value as one readable line: strings as they are, everything else as compact JSON. */
export function formatFact(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === undefined) return "—";
  return JSON.stringify(value);
}
