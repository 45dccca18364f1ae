import { auditChanges, type FieldChange } from "@/lib/audit/audit-changes";
import type { AuditOperation } from "@/lib/audit/audited-tables";

/** Fields shown at once; the rest fold into "n more fields". */
const FIELDS_SHOWN = 4;
/** Values longer than this are cut, with the whole value one click away. */
const VALUE_SHOWN = 48;

/**
 * A logged change as `field: before → after` lines (an insert's and a delete's as `field: value`). Long values and
 * long lists fold into <details>, so the row stays one glance tall and needs no client script.
 */
export function AuditFieldChanges({
  entry,
}: {
  entry: {
    operation: AuditOperation;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  };
}) {
  const changes = auditChanges(entry);
  if (changes.length === 0) return <span className="text-zinc-400">—</span>;
  const shown = changes.slice(0, FIELDS_SHOWN);
  const folded = changes.slice(FIELDS_SHOWN);
  return (
    <div className="space-y-0.5 text-xs" data-testid="audit-changes">
      <ChangeLines changes={shown} />
      {folded.length > 0 ? (
        <details>
          <summary className="cursor-pointer text-zinc-500 select-none hover:text-zinc-800">
            {folded.length} more field{folded.length === 1 ? "" : "s"}
          </summary>
          <div className="mt-0.5 space-y-0.5">
            <ChangeLines changes={folded} />
          </div>
        </details>
      ) : null}
    </div>
  );
}

function ChangeLines({ changes }: { changes: FieldChange[] }) {
  return changes.map((change) => (
    <div
      key={change.field}
      className="min-w-0 break-words"
      data-testid={`audit-field-${change.field}`}
    >
      <span className="font-mono text-zinc-500">{change.field}:</span>{" "}
      {change.before !== undefined && change.after !== undefined ? (
        <>
          <Value text={change.before} tone="before" /> <span className="text-zinc-400">→</span>{" "}
          <Value text={change.after} tone="after" />
        </>
      ) : (
        <Value
          text={change.after ?? change.before ?? ""}
          tone={change.after !== undefined ? "after" : "before"}
        />
      )}
    </div>
  ));
}

function Value({ text, tone }: { text: string; tone: "before" | "after" }) {
  const className =
    tone === "before" ? "text-red-700/90 line-through decoration-red-300" : "text-emerald-800";
  if (text.length <= VALUE_SHOWN) return <span className={className}>{text}</span>;
  return (
    <details className="inline [&[open]]:block">
      <summary className={`inline cursor-pointer ${className}`}>
        {text.slice(0, VALUE_SHOWN)}…
      </summary>
      <pre className="mt-1 max-h-64 overflow-auto rounded bg-zinc-50 p-2 font-mono text-[11px] whitespace-pre-wrap text-zinc-800">
        {prettyJson(text)}
      </pre>
    </details>
  );
}

/** A JSON object or list laid out on lines for reading; any other text as it is. */
function prettyJson(text: string): string {
  if (!/^[[{]/.test(text)) return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
