import { formatFact } from "@/lib/scenarios/scenario-view-types";

/** The facts behind a decision as readable `key: value` lines. */
export function FactList({ facts, testId }: { facts: Record<string, unknown>; testId?: string }) {
  const entries = Object.entries(facts);
  if (entries.length === 0) return null;
  return (
    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-xs" data-testid={testId}>
      {entries.map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="text-zinc-500">{key}:</dt>
          <dd className="font-mono break-all text-zinc-800">{formatFact(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
