import type { z } from "zod";

/**
 * zod issues of `programInputSchema` as the program form's field errors. Triggers and constraints are arrays of the
 * checked entries, so an index means nothing to the form: `constraints.0.options.days` becomes
 * `constraints.timeout_days.options.days`, the key of the field the form renders for that entry. UI-safe.
 */
export function programFieldErrors(
  raw: unknown,
  issues: readonly z.core.$ZodIssue[],
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    const path = issue.path.map(String);
    const [list, index] = path;
    if (
      (list === "triggers" || list === "constraints") &&
      index !== undefined &&
      /^\d+$/.test(index)
    ) {
      const type = entryType(raw, list, Number(index));
      if (type) path[1] = type;
    }
    const key = path.length > 0 ? path.join(".") : "form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

function entryType(raw: unknown, list: string, index: number): string | null {
  if (typeof raw !== "object" || raw === null) return null;
  const items = (raw as Record<string, unknown>)[list];
  const item = Array.isArray(items) ? (items[index] as unknown) : undefined;
  const type =
    typeof item === "object" && item !== null ? (item as Record<string, unknown>).type : undefined;
  return typeof type === "string" && type !== "" ? type : null;
}
