"use client";

import { type Connection, type EdgeChange, type NodeChange, ReactFlowProvider, useReactFlow } from "@xyflow/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { GraphErrorView } from "@/components/admin/scenarios/scenario-view-types";
import type { InspectedPath } from "@/components/builder/inspector/run-inspector";
import { layoutGraph } from "@/lib/scenarios/flow/auto-layout";
import { applyConnection } from "@/lib/scenarios/flow/flow-to-graph";
import {
  addNode,
  copyFragment,
  type GraphFragment,
  moveNodes,
  pasteFragment,
  removeElements,
  setPortOpen,
  updateNodeConfig,
} from "@/lib/scenarios/flow/graph-edits";
import { canRedo, canUndo, createHistory, type GraphHistory, recordEdit, redo, seal, undo } from "@/lib/scenarios/flow/graph-history";
import type { FlowStatistics, ScenarioFlowNode } from "@/lib/scenarios/flow/graph-to-flow";
import type { GraphNode, NodeType, ScenarioGraph } from "@/lib/scenarios/graph";
import type { ScenarioStats } from "@/lib/scenarios/stats/get-scenario-stats";
import { publishDraftAction } from "@/lib/actions/scenarios/builder";
import { BuilderCanvas, type CanvasSelection, type ContextTarget } from "./builder-canvas";
import { BuilderContextMenu, type MenuItem } from "./builder-context-menu";
import type { BuilderOptions } from "./builder-options";
import { BuilderPalette } from "./builder-palette";
import { BuilderSidePanel, type PanelTab } from "./builder-side-panel";
import { CanvasToolbar, StatsToolbar, type StatsSettings } from "./builder-toolbars";
import { PublishDialog } from "./publish-dialog";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { useAutosave } from "./use-autosave";
import { useBuilderShortcuts } from "./use-builder-shortcuts";
import { useLiveStats } from "./use-live-stats";
import { SaveIndicator } from "./save-indicator";

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

const NO_SELECTION: CanvasSelection = { nodes: new Set(), edges: new Set() };
const PASTE_OFFSET = { x: 40, y: 40 };

export interface ScenarioBuilderProps {
  scenario: BuilderScenario;
  draft: ScenarioGraph;
  draftErrors: GraphErrorView[];
  versions: BuilderVersion[];
  options: BuilderOptions;
  stats: ScenarioStats;
  /** The status buttons (enable, disable…), rendered by the server page with its actions. */
  statusActions: React.ReactNode;
  /** Name and re-entry settings form, rendered by the server page. */
  settings: React.ReactNode;
}

/** The scenario builder: palette, canvas and side panel over one domain graph with undo history and autosave. */
export function ScenarioBuilder(props: ScenarioBuilderProps) {
  return (
    <ReactFlowProvider>
      <Builder {...props} />
    </ReactFlowProvider>
  );
}

function Builder({ scenario, draft, draftErrors, versions, options, stats: initialStats, statusActions, settings }: ScenarioBuilderProps) {
  const router = useRouter();
  const flow = useReactFlow<ScenarioFlowNode>();
  const canvasRef = useRef<HTMLDivElement>(null);
  const clipboard = useRef<GraphFragment | null>(null);
  const [hasClipboard, setHasClipboard] = useState(false);
  const pastes = useRef(0);

  const [history, setHistory] = useState<GraphHistory>(() => createHistory(draft));
  const [chosen, setSelection] = useState<CanvasSelection>(NO_SELECTION);
  const [measured, setMeasured] = useState<Record<string, { width: number; height: number }>>({});
  const [errors, setErrors] = useState<GraphErrorView[]>(draftErrors);
  const [showErrors, setShowErrors] = useState(false);
  const [tab, setTab] = useState<PanelTab>("node");
  const [viewing, setViewing] = useState<{ number: number; graph: ScenarioGraph } | null>(null);
  const [inspected, setInspected] = useState<InspectedPath | null>(null);
  const [statsSettings, setStatsSettings] = useState<StatsSettings>({ show: scenario.currentVersionNumber !== null, period: "last24h", versionId: null });
  const [menu, setMenu] = useState<{ target: ContextTarget; at: { x: number; y: number } } | null>(null);
  const [dialog, setDialog] = useState<"publish" | "shortcuts" | null>(null);
  const [notice, setNotice] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [ready, setReady] = useState(false);

  const deleted = scenario.status === "deleted";
  const graph = history.present;
  // Commands that add nodes need the ids they create at once (to select them), so they read the draft from here.
  const present = useRef(graph);
  useEffect(() => {
    present.current = graph;
  }, [graph]);
  const shown = inspected?.graph ?? viewing?.graph ?? graph;
  const readOnly = deleted || viewing !== null || inspected !== null;
  // What is chosen, less what undo or a delete took away.
  const selection = useMemo((): CanvasSelection => {
    const nodes = new Set(shown.nodes.map((n) => n.id));
    const edges = new Set(shown.edges.map((e) => e.id));
    const kept = { nodes: new Set([...chosen.nodes].filter((id) => nodes.has(id))), edges: new Set([...chosen.edges].filter((id) => edges.has(id))) };
    return kept.nodes.size === chosen.nodes.size && kept.edges.size === chosen.edges.size ? chosen : kept;
  }, [chosen, shown]);

  const autosave = useAutosave({ scenarioId: scenario.id, graph, enabled: !deleted, onSaved: setErrors });
  const live = useLiveStats({ scenarioId: scenario.id, versionId: statsSettings.versionId, initial: initialStats });

  /** Apply an edit to the draft; edits in one `group` (one drag, one form) are one undo step. */
  const edit = useCallback(
    (change: (graph: ScenarioGraph) => ScenarioGraph, group: string | null = null) => {
      if (readOnly) return;
      setHistory((h) => recordEdit(h, change(h.present), group));
    },
    [readOnly],
  );

  const select = useCallback((nodes: Iterable<string>, edges: Iterable<string> = []) => {
    setSelection({ nodes: new Set(nodes), edges: new Set(edges) });
    setHistory(seal);
  }, []);

  const errorsByNode = useMemo(() => {
    const map = new Map<string, string[]>();
    if (!showErrors || readOnly) return map;
    for (const error of errors) {
      if (error.nodeId) map.set(error.nodeId, [...(map.get(error.nodeId) ?? []), error.message]);
    }
    return map;
  }, [errors, showErrors, readOnly]);

  const statistics = useMemo((): FlowStatistics | null => {
    if (!statsSettings.show || !live.stats || inspected) return null;
    const period = statsSettings.period;
    return {
      nodes: Object.fromEntries(Object.entries(live.stats.nodes).map(([id, counts]) => [id, counts[period]])),
      edges: Object.fromEntries(Object.entries(live.stats.edges).map(([id, counts]) => [id, counts[period]])),
    };
  }, [statsSettings, live.stats, inspected]);

  // ——— canvas events ———

  const onNodesChange = useCallback(
    (changes: NodeChange<ScenarioFlowNode>[]) => {
      const sizes: Record<string, { width: number; height: number }> = {};
      let selectionChanged = false;
      const nextSelected = new Set(selection.nodes);
      for (const change of changes) {
        if (change.type === "dimensions" && change.dimensions) sizes[change.id] = change.dimensions;
        if (change.type === "select") {
          selectionChanged = true;
          if (change.selected) nextSelected.add(change.id);
          else nextSelected.delete(change.id);
        }
      }
      if (Object.keys(sizes).length > 0) setMeasured((current) => ({ ...current, ...sizes }));
      if (selectionChanged) {
        setSelection((current) => ({ nodes: nextSelected, edges: current.edges }));
        setHistory(seal);
        if (nextSelected.size > 0) setTab("node");
      }
    },
    [selection.nodes],
  );

  const onNodesMoved = useCallback(
    (positions: Record<string, { x: number; y: number }>) => {
      edit((g) => moveNodes(g, positions));
      setHistory(seal);
    },
    [edit],
  );

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const selects = changes.filter((c) => c.type === "select");
    if (selects.length === 0) return;
    setSelection((current) => {
      const edges = new Set(current.edges);
      for (const change of selects) {
        if (change.selected) edges.add(change.id);
        else edges.delete(change.id);
      }
      return { nodes: current.nodes, edges };
    });
    setTab("node");
  }, []);

  const onConnect = useCallback((connection: Connection) => {
    edit((g) => applyConnection(g, connection));
    setHistory(seal);
  }, [edit]);

  const removeSelected = useCallback(
    (nodeIds: Iterable<string>, edgeIds: Iterable<string>) => {
      edit((g) => removeElements(g, nodeIds, edgeIds));
      setHistory(seal);
    },
    [edit],
  );

  const addAt = useCallback(
    (type: NodeType, position: { x: number; y: number }) => {
      if (readOnly) return;
      const result = addNode(present.current, type, position);
      setHistory((h) => seal(recordEdit(h, result.graph)));
      select([result.id]);
      setTab("node");
    },
    [readOnly, select],
  );

  const addInView = useCallback(
    (type: NodeType) => {
      const box = canvasRef.current?.getBoundingClientRect();
      if (!box) return;
      const center = flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
      const offset = (pastes.current++ % 5) * 24;
      addAt(type, { x: center.x - 120 + offset, y: center.y - 40 + offset });
    },
    [addAt, flow],
  );

  // ——— commands (toolbar, menu, shortcuts) ———

  const copy = useCallback(() => {
    if (selection.nodes.size === 0) return;
    clipboard.current = copyFragment(shown, selection.nodes);
    setHasClipboard(true);
    pastes.current = 0;
    setNotice({ tone: "ok", text: `Copied ${selection.nodes.size} node${selection.nodes.size === 1 ? "" : "s"}.` });
  }, [selection.nodes, shown]);

  const paste = useCallback(() => {
    const fragment = clipboard.current;
    if (!fragment || readOnly) return;
    pastes.current += 1;
    const result = pasteFragment(present.current, fragment, { x: PASTE_OFFSET.x * pastes.current, y: PASTE_OFFSET.y * pastes.current });
    setHistory((h) => seal(recordEdit(h, result.graph)));
    select(result.nodeIds);
  }, [readOnly, select]);

  const duplicate = useCallback(() => {
    if (selection.nodes.size === 0 || readOnly) return;
    clipboard.current = copyFragment(graph, selection.nodes);
    pastes.current = 0;
    paste();
  }, [graph, paste, readOnly, selection.nodes]);

  const autoLayout = useCallback(() => {
    edit((g) => moveNodes(g, layoutGraph(g, measured)));
    setHistory(seal);
    requestAnimationFrame(() => void flow.fitView({ padding: 0.2, maxZoom: 1, duration: 300 }));
  }, [edit, flow, measured]);

  const focusNode = useCallback(
    (nodeId: string) => {
      select([nodeId]);
      setTab("node");
      void flow.fitView({ nodes: [{ id: nodeId }], padding: 0.6, maxZoom: 1.2, duration: 300 });
    },
    [flow, select],
  );

  const publish = useCallback(
    async (note: string) => {
      const saved = await autosave.flush();
      if (!saved) return { ok: false as const, message: "The draft is not saved yet; try again in a moment." };
      const form = new FormData();
      form.set("id", String(scenario.id));
      form.set("note", note);
      const result = await publishDraftAction(null, form);
      if (!result?.ok || !result.data) return { ok: false as const, message: result?.ok === false ? result.message : "Publishing failed." };
      if (result.data.version === null) {
        setErrors(result.data.errors);
        setShowErrors(true);
        setTab("issues");
        return { ok: false as const, message: `Fix ${result.data.errors.length} issue${result.data.errors.length === 1 ? "" : "s"} before publishing.` };
      }
      setErrors([]);
      setNotice({ tone: "ok", text: `Published version ${result.data.version}.` });
      router.refresh();
      return { ok: true as const, message: `Published version ${result.data.version}.` };
    },
    [autosave, router, scenario.id],
  );

  const restoreVersion = useCallback(
    (version: { number: number; graph: ScenarioGraph }) => {
      if (deleted) return;
      setViewing(null);
      setHistory((h) => seal(recordEdit(h, version.graph)));
      setNotice({ tone: "ok", text: `Version ${version.number} restored as the draft (undo to go back).` });
      requestAnimationFrame(() => void flow.fitView({ padding: 0.2, maxZoom: 1, duration: 300 }));
    },
    [deleted, flow],
  );

  useBuilderShortcuts({
    enabled: dialog === null,
    undo: () => setHistory(undo),
    redo: () => setHistory(redo),
    copy,
    paste,
    duplicate,
    selectAll: () => select(shown.nodes.map((n) => n.id)),
    save: () => void autosave.flush(),
    fitView: () => void flow.fitView({ padding: 0.2, maxZoom: 1, duration: 300 }),
    escape: () => {
      setMenu(null);
      select([]);
    },
    showShortcuts: () => setDialog("shortcuts"),
  });

  const menuItems = useMemo((): MenuItem[] => {
    if (!menu) return [];
    const target = menu.target;
    if (target.kind === "node") {
      const ids = selection.nodes.has(target.id) ? [...selection.nodes] : [target.id];
      return [
        { label: "Edit", onSelect: () => focusNode(target.id) },
        { label: "Copy", shortcut: "Ctrl C", onSelect: copy, disabled: !selection.nodes.has(target.id) },
        { label: "Duplicate", shortcut: "Ctrl D", onSelect: duplicate, disabled: readOnly },
        { label: ids.length > 1 ? `Delete ${ids.length} nodes` : "Delete", shortcut: "Del", danger: true, disabled: readOnly, onSelect: () => removeSelected(ids, []) },
      ];
    }
    if (target.kind === "edge") {
      return [{ label: "Delete connection", shortcut: "Del", danger: true, disabled: readOnly, onSelect: () => removeSelected([], [target.id]) }];
    }
    return [
      { label: "Paste", shortcut: "Ctrl V", onSelect: paste, disabled: readOnly || !hasClipboard },
      { label: "Select all", shortcut: "Ctrl A", onSelect: () => select(shown.nodes.map((n) => n.id)) },
      { label: "Auto-layout", onSelect: autoLayout, disabled: readOnly },
      { label: "Fit view", shortcut: "F", onSelect: () => void flow.fitView({ padding: 0.2, maxZoom: 1, duration: 300 }) },
    ];
  }, [menu, hasClipboard, selection.nodes, readOnly, focusNode, copy, duplicate, removeSelected, paste, select, shown.nodes, autoLayout, flow]);

  const onContextMenu = useCallback(
    (target: ContextTarget, at: { x: number; y: number }) => {
      if (target.kind === "node" && !selection.nodes.has(target.id)) select([target.id]);
      if (target.kind === "edge" && !selection.edges.has(target.id)) select([], [target.id]);
      setMenu({ target, at });
    },
    [select, selection],
  );

  const selectedNode: GraphNode | null = selection.nodes.size === 1 ? (shown.nodes.find((n) => selection.nodes.has(n.id)) ?? null) : null;

  return (
    <div className="fixed top-14 right-0 bottom-0 left-60 z-0 flex flex-col bg-zinc-50" data-testid="scenario-builder">
      <header className="flex h-12 shrink-0 items-center gap-3 border-b border-zinc-200 bg-white px-4">
        <Link
          href="/admin/scenarios"
          className="rounded text-sm text-zinc-500 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-brand-600"
          onClick={(event) => {
            if (autosave.status !== "saved" && !window.confirm("Changes are still being saved. Leave anyway?")) event.preventDefault();
          }}
        >
          ← Scenarios
        </Link>
        <h1 className="truncate text-base font-semibold text-zinc-900" data-testid="scenario-title">
          {scenario.name}
        </h1>
        <span className="text-xs text-zinc-500" data-testid="scenario-version-info">
          {scenario.status} · {scenario.currentVersionNumber ? `version ${scenario.currentVersionNumber} live` : "not published"}
        </span>
        <SaveIndicator status={deleted ? "saved" : autosave.status} message={autosave.message} onRetry={() => void autosave.flush()} />
        {notice ? (
          <span role="status" className={`truncate text-xs ${notice.tone === "ok" ? "text-emerald-700" : "text-red-700"}`} data-testid="builder-notice">
            {notice.text}
          </span>
        ) : null}
        <div className="ml-auto flex items-center gap-2">
          {statusActions}
          {deleted ? null : (
            <button
              type="button"
              onClick={() => setDialog("publish")}
              className="inline-flex h-8 items-center rounded-md bg-brand-600 px-3 text-sm font-medium text-white shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
              data-testid="builder-publish"
            >
              Publish…
            </button>
          )}
        </div>
      </header>
      <div className="flex min-h-0 flex-1">
        <BuilderPalette disabled={readOnly} onAdd={addInView} />
        <div ref={canvasRef} className="relative min-w-0 flex-1" data-testid="builder-canvas" data-ready={ready ? "true" : "false"}>
          {viewing || inspected ? (
            <div
              className="absolute bottom-4 left-1/2 z-10 flex max-w-[calc(100%-2rem)] -translate-x-1/2 items-center gap-3 rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm whitespace-nowrap shadow"
              data-testid="builder-readonly-banner"
            >
              <span className="truncate" title={viewing ? undefined : inspected!.label}>
                {viewing ? `Version ${viewing.number}, read-only` : inspected!.label}
              </span>
              {viewing && !deleted ? (
                <button type="button" className="font-medium text-brand-700 hover:underline" onClick={() => restoreVersion(viewing)} data-testid="builder-restore-version">
                  Restore as draft
                </button>
              ) : null}
              <button
                type="button"
                className="font-medium text-zinc-700 hover:underline"
                onClick={() => {
                  setViewing(null);
                  setInspected(null);
                }}
                data-testid="builder-back-to-draft"
              >
                Back to the draft
              </button>
            </div>
          ) : null}
          <BuilderCanvas
            graph={shown}
            readOnly={readOnly}
            selection={selection}
            measured={measured}
            errorsByNode={errorsByNode}
            statistics={statistics}
            path={inspected?.flow ?? null}
            onNodesChange={onNodesChange}
            onNodesMoved={onNodesMoved}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            onDelete={removeSelected}
            onDropNode={addAt}
            onContextMenu={onContextMenu}
            onReady={() => setReady(true)}
          >
            <CanvasToolbar
              readOnly={readOnly}
              canUndo={canUndo(history) && !readOnly}
              canRedo={canRedo(history) && !readOnly}
              onUndo={() => setHistory(undo)}
              onRedo={() => setHistory(redo)}
              onLayout={autoLayout}
              onShortcuts={() => setDialog("shortcuts")}
            />
            <StatsToolbar
              settings={statsSettings}
              onChange={(next) => {
                if (next.versionId !== statsSettings.versionId) void live.load(next.versionId);
                setStatsSettings(next);
              }}
              versions={versions}
              updatedAt={live.updatedAt}
              loading={live.loading}
              onRefresh={() => void live.load(statsSettings.versionId)}
            />
          </BuilderCanvas>
          {shown.nodes.length === 0 && !readOnly ? (
            <div className="pointer-events-none absolute inset-0 flex items-center justify-center" data-testid="builder-empty">
              <div className="rounded-lg border border-dashed border-zinc-300 bg-white/80 px-6 py-4 text-center text-sm text-zinc-600">
                <p className="font-medium text-zinc-800">Start with a trigger</p>
                <p>Drag “Event” from the palette onto the canvas, then add steps below it.</p>
              </div>
            </div>
          ) : null}
          {menu ? <BuilderContextMenu at={menu.at} items={menuItems} onClose={() => setMenu(null)} /> : null}
        </div>
        <BuilderSidePanel
          tab={tab}
          onTab={setTab}
          scenarioId={scenario.id}
          graph={shown}
          readOnly={readOnly}
          selection={selection}
          selectedNode={selectedNode}
          options={options}
          errors={errors}
          errorsByNode={errorsByNode}
          showErrors={showErrors}
          onShowErrors={() => setShowErrors(true)}
          versions={versions}
          viewingNumber={viewing?.number ?? null}
          onViewVersion={(version) => {
            setViewing(version);
            requestAnimationFrame(() => void flow.fitView({ padding: 0.2, maxZoom: 1, duration: 300 }));
          }}
          onRestoreVersion={restoreVersion}
          onShowPath={(path) => {
            setInspected(path);
            if (path) requestAnimationFrame(() => void flow.fitView({ padding: 0.2, maxZoom: 1, duration: 300 }));
          }}
          settings={settings}
          onConfigChange={(nodeId, config) => edit((g) => updateNodeConfig(g, nodeId, config), `config:${nodeId}`)}
          onPortOpen={(nodeId, port, open) => edit((g) => setPortOpen(g, nodeId, port, open))}
          onFocusNode={focusNode}
          onDelete={removeSelected}
          onDuplicate={duplicate}
          onImport={(imported) => {
            edit(() => imported);
            setHistory(seal);
            requestAnimationFrame(() => void flow.fitView({ padding: 0.2, maxZoom: 1, duration: 300 }));
          }}
        />
      </div>
      {dialog === "publish" ? <PublishDialog onPublish={publish} onClose={() => setDialog(null)} /> : null}
      {dialog === "shortcuts" ? <ShortcutsDialog onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
