"use client";

import { ReactFlowProvider } from "@xyflow/react";
import { useCallback, useRef } from "react";
import type { GraphErrorView } from "@/lib/scenarios/scenario-view-types";
import type { ScenarioGraph } from "@/lib/scenarios/graph";
import type { NodeType } from "@/lib/scenarios/nodes/definitions";
import type { ScenarioStats } from "@/lib/scenarios/stats/get-scenario-stats";
import { BuilderCanvasArea } from "./builder-canvas-area";
import { BuilderHeader } from "./builder-header";
import type { BuilderOptions } from "@/lib/scenarios/builder-option-types";
import { BuilderPalette } from "./builder-palette";
import { BuilderSidePanel } from "./builder-side-panel";
import { PublishDialog } from "./publish-dialog";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { BuilderStoreProvider, useBuilderStore } from "./store/builder-store";
import { useAutosave } from "./use-autosave";
import { useBuilderShortcuts } from "./use-builder-shortcuts";
import { useBuilderRoom } from "./use-builder-room";
import { useNodePlacement } from "./use-node-placement";
import { usePublishDraft } from "./use-publish-draft";

export interface BuilderScenario {
  id: number;
  name: string;
  status: "draft" | "enabled" | "disabled" | "deleted";
  currentVersionNumber: number | null;
}

export interface BuilderVersion {
  id: number;
  number: number;
  note: string | null;
  publishedByEmail: string | null;
  createdAt: string;
  isCurrent: boolean;
}

export interface ScenarioBuilderProps {
  scenario: BuilderScenario;
  draft: ScenarioGraph;
  draftErrors: GraphErrorView[];
  /** The stored draft is the current version's graph: nothing new to publish. */
  draftIsLive: boolean;
  versions: BuilderVersion[];
  options: BuilderOptions;
  stats: ScenarioStats;
  /** The status buttons (enable, disable…), rendered by the server page with its actions. */
  statusActions: React.ReactNode;
  /** Name and re-entry settings form, rendered by the server page. */
  settings: React.ReactNode;
  /** Whether the viewer's role may change scenarios (automation.write); without it the builder is read-only. */
  canEdit: boolean;
}

/**
 * The scenario builder: palette, canvas and side panel over one domain graph with undo history and autosave. Its
 * state is one store (`store/builder-state.ts`); each part reads it and dispatches what the author does.
 */
export function ScenarioBuilder(props: ScenarioBuilderProps) {
  return (
    <ReactFlowProvider>
      <BuilderStoreProvider
        draft={props.draft}
        draftErrors={props.draftErrors}
        // A role that may not edit sees the draft as a deleted scenario shows it: read-only, nothing to publish.
        deleted={props.scenario.status === "deleted" || !props.canEdit}
        liveVersion={props.scenario.currentVersionNumber}
        draftIsLive={props.draftIsLive}
      >
        <Builder {...props} />
      </BuilderStoreProvider>
    </ReactFlowProvider>
  );
}

/** Wires the parts together with what they share: autosave, publishing and the keyboard. */
function Builder({
  scenario,
  versions,
  options,
  stats,
  statusActions,
  settings,
}: ScenarioBuilderProps) {
  const { state, view, dispatch } = useBuilderStore();
  const rootRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const room = useBuilderRoom(rootRef);
  const place = useNodePlacement(canvasRef);

  const onSaved = useCallback(
    (errors: GraphErrorView[]) => dispatch({ type: "draftChecked", errors }),
    [dispatch],
  );
  const autosave = useAutosave({
    scenarioId: scenario.id,
    graph: state.history.present,
    enabled: !state.deleted,
    onSaved,
  });
  const publish = usePublishDraft({ scenarioId: scenario.id, saveDraft: autosave.flush, dispatch });

  useBuilderShortcuts({
    enabled: state.dialog === null,
    undo: () => dispatch({ type: "undo" }),
    redo: () => dispatch({ type: "redo" }),
    copy: () => dispatch({ type: "copy" }),
    paste: () => dispatch({ type: "paste" }),
    duplicate: () => dispatch({ type: "duplicate" }),
    selectAll: () => dispatch({ type: "selectAll" }),
    save: () => void autosave.flush(),
    fitView: () => dispatch({ type: "fitView" }),
    escape: () => dispatch({ type: "dismiss" }),
    showShortcuts: () => dispatch({ type: "openDialog", dialog: "shortcuts" }),
    toggleFullScreen: room.toggleFullScreen,
  });

  /**
   * The palette pressed rather than dragged: the node goes to the middle of the free part of the view, with room
   * kept for the shift that repeated adds get (up to 4 × 24 px).
   */
  function addInView(nodeType: NodeType) {
    const position = place("middle", { x: 0, y: 0 }, 96);
    if (position) dispatch({ type: "addNodeInView", nodeType, position });
  }

  const closeDialog = () => dispatch({ type: "closeDialog" });
  return (
    <div
      ref={rootRef}
      // Full screen covers the admin shell (its header is z-10); otherwise the builder sits over the shell's content.
      className={`fixed flex flex-col bg-zinc-50 ${room.fullScreen ? "z-40" : "z-0"}`}
      style={room.style}
      data-testid="scenario-builder"
      data-full-screen={room.fullScreen ? "true" : "false"}
    >
      <BuilderHeader
        scenario={scenario}
        autosave={autosave}
        statusActions={statusActions}
        fullScreen={room.fullScreen}
        onToggleFullScreen={room.toggleFullScreen}
      />
      <div className="relative flex min-h-0 flex-1">
        <BuilderPalette
          disabled={view.readOnly}
          collapsed={room.paletteCollapsed}
          onToggle={room.togglePalette}
          onAdd={addInView}
        />
        <BuilderCanvasArea
          ref={canvasRef}
          scenarioId={scenario.id}
          versions={versions}
          initialStats={stats}
        />
        <BuilderSidePanel
          scenarioId={scenario.id}
          options={options}
          versions={versions}
          settings={settings}
          open={room.panelOpen}
          onToggle={room.togglePanel}
          width={room.panelWidth}
          onResize={room.setPanelWidth}
          overCanvas={room.narrow}
        />
      </div>
      {state.dialog === "publish" ? (
        <PublishDialog onPublish={publish} onClose={closeDialog} />
      ) : null}
      {state.dialog === "shortcuts" ? <ShortcutsDialog onClose={closeDialog} /> : null}
    </div>
  );
}
