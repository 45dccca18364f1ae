"use client";

import { useBuilderStore } from "./store/builder-store";

/** Over the canvas while a version or a run's path is shown instead of the draft: what it is, and the way back. */
export function ReadOnlyBanner() {
  const { state, dispatch } = useBuilderStore();
  const { viewing, inspected } = state;
  if (!viewing && !inspected) return null;
  return (
    <div
      className="absolute bottom-4 left-1/2 z-10 flex max-w-[calc(100%-2rem)] -translate-x-1/2 items-center gap-3 rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm whitespace-nowrap shadow"
      data-testid="builder-readonly-banner"
    >
      <span className="truncate" title={viewing ? undefined : inspected!.label}>
        {viewing ? `Version ${viewing.number}, read-only` : inspected!.label}
      </span>
      {viewing && !state.deleted ? (
        <button
          type="button"
          className="font-medium text-brand-700 hover:underline"
          onClick={() => dispatch({ type: "restoreVersion", version: viewing })}
          data-testid="builder-restore-version"
        >
          Restore as draft
        </button>
      ) : null}
      <button
        type="button"
        className="font-medium text-zinc-700 hover:underline"
        onClick={() => dispatch({ type: "backToDraft" })}
        data-testid="builder-back-to-draft"
      >
        Back to the draft
      </button>
    </div>
  );
}
