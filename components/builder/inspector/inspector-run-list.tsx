"use client";

import { ScenarioRunStatusBadge } from "@/components/admin/scenarios/scenario-runs-table";
import { cn } from "@/components/ui/cn";
import { Time } from "@/components/ui/time";
import type { InspectorRunList } from "@/lib/scenarios/inspector/inspector-types";

/** A user's runs of the scenario, newest first; the selected one is pressed. */
export function InspectorRunListView({
  list,
  selectedRunId,
  onSelect,
}: {
  list: InspectorRunList;
  selectedRunId: number | null;
  onSelect(runId: number): void;
}) {
  if (list.runs.length === 0) {
    return (
      <p
        className="rounded-md border border-dashed border-zinc-300 px-3 py-4 text-center text-xs text-zinc-500"
        data-testid="inspector-no-runs"
      >
        No runs of this scenario for this user
      </p>
    );
  }
  return (
    <div>
      <p className="mb-1.5 text-xs text-zinc-500">
        {list.total > list.runs.length
          ? `Newest ${list.runs.length} of ${list.total} runs`
          : `${list.total} ${list.total === 1 ? "run" : "runs"}`}{" "}
        of <span className="font-medium text-zinc-700">{list.email}</span>
      </p>
      <ul className="space-y-1" data-testid="inspector-runs">
        {list.runs.map((run) => {
          const selected = run.id === selectedRunId;
          return (
            <li key={run.id}>
              <button
                type="button"
                aria-pressed={selected}
                onClick={() => onSelect(run.id)}
                className={cn(
                  "w-full rounded-md border px-2.5 py-1.5 text-left text-xs transition-colors",
                  "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-500",
                  selected
                    ? "border-brand-500 bg-brand-50"
                    : "border-zinc-200 bg-white hover:bg-zinc-50",
                )}
                data-testid={`inspector-run-${run.id}`}
              >
                <span className="flex items-center justify-between gap-2">
                  <span className="font-medium text-zinc-900">Run #{run.id}</span>
                  <ScenarioRunStatusBadge status={run.status} />
                </span>
                <span className="mt-0.5 block truncate text-zinc-600">
                  v{run.versionNumber} · <span className="font-mono">{run.triggerEvent}</span>
                </span>
                <span className="block text-zinc-500">
                  <Time value={run.startedAt} />
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
