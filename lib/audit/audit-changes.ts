import type { AuditOperation } from "./audited-tables";

/** One field of a logged change: its value before and after (absent for an insert's before or a delete's after). */
export interface FieldChange {
  field: string;
  before?: string;
  after?: string;
}

/**
 * The fields of a logged change in the order the log holds them, each value as text: an update's changed fields
 * before → after, an insert's set fields (an event's details), a delete's last values. UI-safe.
 */
export function auditChanges(entry: {
  operation: AuditOperation;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}): FieldChange[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  if (entry.operation === "insert" || entry.operation === "event")
    return Object.entries(after).map(([field, value]) => ({ field, after: auditValueText(value) }));
  if (entry.operation === "delete")
    return Object.entries(before).map(([field, value]) => ({
      field,
      before: auditValueText(value),
    }));
  return Object.keys(after).map((field) => ({
    field,
    before: auditValueText(before[field]),
    after: auditValueText(after[field]),
  }));
}

/** A logged value as one line of text: strings as they are, null as `null`, anything else as JSON. */
export function auditValueText(value: unknown): string {
  if (typeof value === "string") return value === "" ? `""` : value;
  if (value === undefined) return "";
  return JSON.stringify(value);
}
