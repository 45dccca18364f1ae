"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { SaveIndicator } from "./save-indicator";
import type { BuilderScenario } from "./scenario-builder";
import { useBuilderStore } from "./store/builder-store";
import type { Autosave } from "./use-autosave";

/** The bar over the builder: back to the list, the scenario and where its draft stands, its status actions, publish. */
export function BuilderHeader({
  scenario,
  autosave,
  statusActions,
}: {
  scenario: BuilderScenario;
  autosave: Autosave;
  statusActions: ReactNode;
}) {
  const { state, dispatch } = useBuilderStore();
  return (
    <header className="flex h-12 shrink-0 items-center gap-3 border-b border-zinc-200 bg-white px-4">
      <Link
        href="/admin/scenarios"
        className="rounded text-sm text-zinc-500 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-brand-600"
        onClick={(event) => {
          if (
            autosave.status !== "saved" &&
            !window.confirm("Changes are still being saved. Leave anyway?")
          )
            event.preventDefault();
        }}
      >
        ← Scenarios
      </Link>
      <h1 className="truncate text-base font-semibold text-zinc-900" data-testid="scenario-title">
        {scenario.name}
      </h1>
      <span className="text-xs text-zinc-500" data-testid="scenario-version-info">
        {scenario.status} ·{" "}
        {scenario.currentVersionNumber
          ? `version ${scenario.currentVersionNumber} live`
          : "not published"}
      </span>
      <SaveIndicator
        status={state.deleted ? "saved" : autosave.status}
        message={autosave.message}
        onRetry={() => void autosave.flush()}
      />
      {state.notice ? (
        <span
          role="status"
          className="truncate text-xs text-emerald-700"
          data-testid="builder-notice"
        >
          {state.notice}
        </span>
      ) : null}
      <div className="ml-auto flex items-center gap-2">
        {statusActions}
        {state.deleted ? null : (
          <button
            type="button"
            onClick={() => dispatch({ type: "openDialog", dialog: "publish" })}
            className="inline-flex h-8 items-center rounded-md bg-brand-600 px-3 text-sm font-medium text-white shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
            data-testid="builder-publish"
          >
            Publish…
          </button>
        )}
      </div>
    </header>
  );
}
