"use client";

import Link from "next/link";
import { type MouseEvent, type ReactNode, useState } from "react";
import { draftStateLabel } from "./draft-state-label";
import { SaveIndicator } from "./save-indicator";
import type { BuilderScenario } from "./scenario-builder";
import { useBuilderStore } from "./store/builder-store";
import type { Autosave } from "./use-autosave";

/**
 * The bar over the builder: back to the list, the scenario and where its draft stands, its runs, its status actions,
 * publish and full screen. It is a size container: as it narrows, the title and the draft's state truncate, the back
 * link and the save state keep their icon, and the runs and report links and the status actions fold into a "More"
 * menu; nothing wraps.
 */
export function BuilderHeader({
  scenario,
  autosave,
  statusActions,
  fullScreen,
  onToggleFullScreen,
}: {
  scenario: BuilderScenario;
  autosave: Autosave;
  statusActions: ReactNode;
  fullScreen: boolean;
  onToggleFullScreen(): void;
}) {
  const { state, dispatch } = useBuilderStore();
  const [moreOpen, setMoreOpen] = useState(false);
  const draftChanged = state.history.present !== state.publishedDraft;
  const draftState = draftStateLabel({
    liveVersion: state.liveVersion,
    draftChanged,
    deleted: scenario.status === "deleted",
  });
  const confirmLeave = (event: MouseEvent) => {
    if (
      autosave.status !== "saved" &&
      !window.confirm("Changes are still being saved. Leave anyway?")
    )
      event.preventDefault();
  };
  return (
    <header className="@container relative flex h-12 shrink-0 items-center gap-3 border-b border-zinc-200 bg-white px-4">
      <Link
        href="/admin/scenarios"
        className="shrink-0 rounded text-sm whitespace-nowrap text-zinc-500 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-brand-600"
        onClick={confirmLeave}
      >
        ←<span className="@max-2xl:sr-only"> Scenarios</span>
      </Link>
      <h1
        className="min-w-12 truncate text-base font-semibold text-zinc-900"
        title={scenario.name}
        data-testid="scenario-title"
      >
        {scenario.name}
      </h1>
      <span
        className="min-w-0 shrink-[2] truncate text-xs whitespace-nowrap text-zinc-500 @max-xl:hidden"
        title={draftState}
        data-testid="scenario-version-info"
        data-draft-changes={draftChanged ? "true" : "false"}
      >
        {draftState}
      </span>
      <SaveIndicator
        status={state.deleted ? "saved" : autosave.status}
        message={autosave.message}
        onRetry={() => void autosave.flush()}
      />
      <div className="ml-auto flex shrink-0 items-center gap-2">
        <button
          type="button"
          onClick={() => setMoreOpen(!moreOpen)}
          aria-expanded={moreOpen}
          className={`${iconButton} w-auto px-2 text-sm @4xl:hidden`}
          data-testid="builder-more"
        >
          More
        </button>
        <div
          className={`items-center gap-2 @4xl:flex @max-4xl:absolute @max-4xl:top-11 @max-4xl:right-2 @max-4xl:z-30 @max-4xl:flex-col @max-4xl:items-stretch @max-4xl:rounded-md @max-4xl:border @max-4xl:border-zinc-200 @max-4xl:bg-white @max-4xl:p-2 @max-4xl:shadow-lg ${moreOpen ? "flex" : "hidden"}`}
        >
          <Link
            href={`/admin/scenarios/${scenario.id}/runs`}
            onClick={confirmLeave}
            className={`${iconButton} w-auto px-2 text-sm`}
            data-testid="builder-runs"
          >
            Runs
          </Link>
          <Link
            href={`/admin/scenarios/${scenario.id}/report`}
            onClick={confirmLeave}
            className={`${iconButton} w-auto px-2 text-sm`}
            data-testid="builder-report"
          >
            Report
          </Link>
          {statusActions}
        </div>
        {state.deleted ? null : (
          <button
            type="button"
            onClick={() => dispatch({ type: "openDialog", dialog: "publish" })}
            className="inline-flex h-8 items-center rounded-md bg-brand-600 px-3 text-sm font-medium whitespace-nowrap text-white shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
            data-testid="builder-publish"
          >
            Publish…
          </button>
        )}
        <button
          type="button"
          onClick={onToggleFullScreen}
          aria-pressed={fullScreen}
          aria-label={fullScreen ? "Leave full screen (Shift F)" : "Full screen (Shift F)"}
          title={fullScreen ? "Leave full screen (Shift F)" : "Full screen (Shift F)"}
          className={iconButton}
          data-testid="builder-full-screen"
        >
          <span aria-hidden>{fullScreen ? "⤡" : "⤢"}</span>
        </button>
      </div>
    </header>
  );
}

const iconButton =
  "inline-flex h-8 w-8 items-center justify-center rounded-md border border-zinc-300 bg-white text-zinc-700 shadow-sm hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-brand-600";
