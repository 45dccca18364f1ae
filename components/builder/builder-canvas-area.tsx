"use client";

import { type Connection, type EdgeChange, type NodeChange, useReactFlow } from "@xyflow/react";
import { type RefObject, useCallback, useEffect, useMemo } from "react";
import { canRedo, canUndo } from "@/lib/scenarios/flow/graph-history";
import type { ScenarioFlowNode } from "@/lib/scenarios/flow/graph-to-flow";
import type { ScenarioStats } from "@/lib/scenarios/stats/get-scenario-stats";
import { BuilderCanvas } from "./builder-canvas";
import { CanvasToolbar, StatsToolbar } from "./builder-toolbars";
import { CanvasContextMenu } from "./canvas-context-menu";
import { ReadOnlyBanner } from "./readonly-banner";
import type { BuilderVersion } from "./scenario-builder";
import { flowStatistics } from "./store/builder-selectors";
import { useBuilderStore } from "./store/builder-store";
import { useLiveStats } from "./use-live-stats";
import { BuilderNotice } from "./builder-notice";
import { useNodePlacement } from "./use-node-placement";

/**
 * The middle of the builder: the canvas wired to the store (what React Flow reports becomes actions), its toolbars
 * and live statistics, the read-only banner, the empty-canvas hint and the right-click menu.
 */
export function BuilderCanvasArea({
  ref,
  scenarioId,
  versions,
  initialStats,
}: {
  /** The canvas's box, where the palette adds nodes in the middle of the view. */
  ref: RefObject<HTMLDivElement | null>;
  scenarioId: number;
  versions: BuilderVersion[];
  initialStats: ScenarioStats;
}) {
  const { state, view, dispatch } = useBuilderStore();
  const live = useLiveStats({
    scenarioId,
    versionId: state.stats.versionId,
    initial: initialStats,
  });
  const { stats: settings, inspected } = state;
  const statistics = useMemo(
    () => flowStatistics({ stats: settings, inspected }, live.stats),
    [settings, inspected, live.stats],
  );
  useFitRequests(state.fitRequest);
  const place = useNodePlacement(ref);

  // Stable callbacks: React Flow takes a new one as a change to its store.
  const onNodesChange = useCallback(
    (changes: NodeChange<ScenarioFlowNode>[]) => {
      const sizes: Record<string, { width: number; height: number }> = {};
      const selects: { id: string; selected: boolean }[] = [];
      for (const change of changes) {
        if (change.type === "dimensions" && change.dimensions) sizes[change.id] = change.dimensions;
        if (change.type === "select") selects.push({ id: change.id, selected: change.selected });
      }
      if (Object.keys(sizes).length > 0) dispatch({ type: "measure", sizes });
      if (selects.length > 0) dispatch({ type: "applyNodeSelection", changes: selects });
    },
    [dispatch],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const selects = changes.flatMap((change) =>
        change.type === "select" ? [{ id: change.id, selected: change.selected }] : [],
      );
      if (selects.length > 0) dispatch({ type: "applyEdgeSelection", changes: selects });
    },
    [dispatch],
  );
  const onConnect = useCallback(
    (connection: Connection) => dispatch({ type: "connect", connection }),
    [dispatch],
  );
  const onReady = useCallback(() => dispatch({ type: "markReady" }), [dispatch]);

  return (
    <div
      ref={ref}
      className="@container relative min-w-0 flex-1"
      data-testid="builder-canvas"
      data-ready={state.ready ? "true" : "false"}
    >
      <ReadOnlyBanner />
      <BuilderCanvas
        graph={view.graph}
        readOnly={view.readOnly}
        selection={view.selection}
        measured={state.measured}
        errorsByNode={view.errorsByNode}
        statistics={statistics}
        path={inspected?.flow ?? null}
        onNodesChange={onNodesChange}
        onNodesMoved={(positions) => dispatch({ type: "moveNodes", positions })}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onDelete={(nodeIds, edgeIds) => dispatch({ type: "remove", nodeIds, edgeIds })}
        onDropNode={(nodeType, at) => {
          // The pointer held the card about its top middle; it lands there unless that is covered.
          const position = place(at, { x: 120, y: 20 });
          if (position) dispatch({ type: "dropNode", nodeType, position });
        }}
        onContextMenu={(target, at) => dispatch({ type: "openMenu", target, at })}
        onReady={onReady}
      >
        <CanvasToolbar
          readOnly={view.readOnly}
          canUndo={canUndo(state.history) && !view.readOnly}
          canRedo={canRedo(state.history) && !view.readOnly}
          onUndo={() => dispatch({ type: "undo" })}
          onRedo={() => dispatch({ type: "redo" })}
          onLayout={() => dispatch({ type: "autoLayout" })}
          onShortcuts={() => dispatch({ type: "openDialog", dialog: "shortcuts" })}
        />
        <StatsToolbar
          settings={settings}
          onChange={(next) => {
            if (next.versionId !== settings.versionId) void live.load(next.versionId);
            dispatch({ type: "setStatsSettings", settings: next });
          }}
          versions={versions}
          updatedAt={live.updatedAt}
          loading={live.loading}
          onRefresh={() => void live.load(settings.versionId)}
        />
      </BuilderCanvas>
      {view.graph.nodes.length === 0 && !view.readOnly ? (
        <div
          className="pointer-events-none absolute inset-0 flex items-center justify-center"
          data-testid="builder-empty"
        >
          <div className="rounded-lg border border-dashed border-zinc-300 bg-white/80 px-6 py-4 text-center text-sm text-zinc-600">
            <p className="font-medium text-zinc-800">Start with a trigger</p>
            <p>Drag “Event” from the palette onto the canvas, then add steps below it.</p>
          </div>
        </div>
      ) : null}
      <BuilderNotice />
      <CanvasContextMenu />
    </div>
  );
}

/** Fit the view as the store asks, a frame after the change that asked, once React Flow has drawn it. */
function useFitRequests(request: { nodeId: string | null } | null) {
  const flow = useReactFlow();
  useEffect(() => {
    if (!request) return;
    const frame = requestAnimationFrame(() => {
      void flow.fitView(
        request.nodeId === null
          ? { padding: 0.2, maxZoom: 1, duration: 300 }
          : { nodes: [{ id: request.nodeId }], padding: 0.6, maxZoom: 1.2, duration: 300 },
      );
    });
    return () => cancelAnimationFrame(frame);
  }, [request, flow]);
}
