"use client";

import { useState } from "react";
import { Time } from "@/components/ui/time";
import { type ScenarioGraph, scenarioGraphSchema } from "@/lib/scenarios/graph";
import { loadVersionGraphAction } from "@/lib/actions/scenarios/builder";
import type { BuilderVersion } from "./scenario-builder";
import { formDataOf } from "@/lib/forms/form-data-of";

/** Published versions, newest first: view one read-only on the canvas, or restore it as the draft (undoable). */
export function VersionsPanel({
  scenarioId,
  versions,
  viewingNumber,
  onView,
  onRestore,
}: {
  scenarioId: number;
  versions: BuilderVersion[];
  viewingNumber: number | null;
  onView(version: { number: number; graph: ScenarioGraph } | null): void;
  onRestore(version: { number: number; graph: ScenarioGraph }): void;
}) {
  const [loading, setLoading] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function load(number: number): Promise<{ number: number; graph: ScenarioGraph } | null> {
    setLoading(number);
    setFailure(null);
    const form = formDataOf({ id: scenarioId, number });
    try {
      const result = await loadVersionGraphAction(null, form);
      if (!result?.ok || !result.data) {
        setFailure(result?.ok === false ? result.message : "The version could not be loaded.");
        return null;
      }
      const parsed = scenarioGraphSchema.safeParse(result.data.graph);
      if (!parsed.success) {
        setFailure(`Version ${number} is not a graph this builder can show.`);
        return null;
      }
      return { number, graph: parsed.data };
    } finally {
      setLoading(null);
    }
  }

  if (versions.length === 0) {
    return (
      <p className="text-sm text-zinc-600" data-testid="versions-empty">
        Nothing published yet. Publish the draft to create version 1.
      </p>
    );
  }
  return (
    <div className="space-y-2">
      {failure ? (
        <p role="alert" className="text-sm text-red-700">
          {failure}
        </p>
      ) : null}
      <ul className="space-y-2" data-testid="versions-list">
        {versions.map((version) => (
          <li
            key={version.id}
            className={`rounded-md border px-3 py-2 text-sm ${viewingNumber === version.number ? "border-brand-500 bg-brand-50" : "border-zinc-200"}`}
            data-testid={`version-${version.number}`}
          >
            <div className="flex items-center gap-2">
              <span className="font-medium text-zinc-900">Version {version.number}</span>
              {version.isCurrent ? (
                <span className="rounded bg-emerald-100 px-1.5 text-[10px] font-semibold text-emerald-800 uppercase">
                  live
                </span>
              ) : null}
              <span className="ml-auto text-xs text-zinc-500">
                <Time value={version.createdAt} />
              </span>
            </div>
            {version.note ? <p className="mt-1 text-zinc-700">{version.note}</p> : null}
            <p className="text-xs text-zinc-500">{version.publishedByEmail ?? "API"}</p>
            <div className="mt-2 flex gap-2">
              {viewingNumber === version.number ? (
                <button
                  type="button"
                  onClick={() => onView(null)}
                  className="text-xs font-medium text-zinc-700 hover:underline"
                >
                  Back to the draft
                </button>
              ) : (
                <button
                  type="button"
                  disabled={loading !== null}
                  onClick={async () => {
                    const loaded = await load(version.number);
                    if (loaded) onView(loaded);
                  }}
                  className="text-xs font-medium text-brand-700 hover:underline disabled:opacity-50"
                  data-testid={`version-view-${version.number}`}
                >
                  {loading === version.number ? "Loading…" : "View"}
                </button>
              )}
              <button
                type="button"
                disabled={loading !== null}
                onClick={async () => {
                  const loaded = await load(version.number);
                  if (
                    loaded &&
                    window.confirm(
                      `Replace the draft with version ${version.number}? Undo brings the draft back.`,
                    )
                  )
                    onRestore(loaded);
                }}
                className="text-xs font-medium text-zinc-700 hover:underline disabled:opacity-50"
                data-testid={`version-restore-${version.number}`}
              >
                Restore as draft
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
