"use client";

import dynamic from "next/dynamic";
import { type ReactNode, useState } from "react";
import type { GraphErrorView } from "@/lib/scenarios/scenario-view-types";
import type { BuilderOptions } from "@/lib/scenarios/builder-option-types";
import { portName } from "@/lib/scenarios/nodes/port-name";
import { NodePortsEditor } from "./node-ports-editor";
import { PanelResizer } from "./panel-resizer";
import type { BuilderVersion } from "./scenario-builder";
import { useBuilderStore } from "./store/builder-store";

// What the panel shows only once asked (a node selected, another tab opened) loads then: the canvas, which the page
// opens with, does not wait for the node forms, the run inspector, versions or the JSON editor.
const NodeConfigPanel = dynamic(() =>
  import("./panel/node-config-panel").then((module) => module.NodeConfigPanel),
);
const RunInspector = dynamic(() =>
  import("./inspector/run-inspector").then((module) => module.RunInspector),
);
const VersionsPanel = dynamic(() =>
  import("./versions-panel").then((module) => module.VersionsPanel),
);
const GraphJsonEditor = dynamic(() =>
  import("./graph-json-editor").then((module) => module.GraphJsonEditor),
);
const EmailNodeStats = dynamic(() =>
  import("./email-node-stats").then((module) => module.EmailNodeStats),
);

export type PanelTab = "node" | "issues" | "versions" | "inspect" | "settings";

const TABS: { tab: PanelTab; label: string }[] = [
  { tab: "node", label: "Node" },
  { tab: "issues", label: "Issues" },
  { tab: "versions", label: "Versions" },
  { tab: "inspect", label: "Inspect" },
  { tab: "settings", label: "Settings" },
];

/**
 * The builder's right-hand panel: the selected node's form, the issues, versions, the run inspector and settings. Its
 * width is the author's (drag its left edge, or arrow keys on it); it folds away to a strip, and in a narrow builder
 * it lies over the canvas instead of beside it.
 */
export function BuilderSidePanel({
  scenarioId,
  options,
  versions,
  settings,
  open,
  onToggle,
  width,
  onResize,
  overCanvas,
}: {
  scenarioId: number;
  options: BuilderOptions;
  versions: BuilderVersion[];
  /** Name and re-entry settings form, rendered by the server page. */
  settings: ReactNode;
  open: boolean;
  onToggle(): void;
  width: number;
  onResize(width: number): void;
  /** Lie over the canvas (a narrow builder) rather than beside it. */
  overCanvas: boolean;
}) {
  const { state, view, dispatch } = useBuilderStore();
  // The inspector mounts when its tab is first shown, and stays mounted from then on.
  const [inspectorShown, setInspectorShown] = useState(state.tab === "inspect");
  if (state.tab === "inspect" && !inspectorShown) setInspectorShown(true);
  const focusNode = (nodeId: string) => dispatch({ type: "focusNode", nodeId });
  if (!open) {
    return (
      <aside
        className="flex h-full w-10 shrink-0 flex-col items-center border-l border-zinc-200 bg-white py-2"
        aria-label="Scenario panel"
        data-testid="builder-panel"
        data-open="false"
      >
        <button
          type="button"
          onClick={onToggle}
          aria-expanded={false}
          aria-label="Show the panel"
          title="Show the panel"
          className={panelToggle}
          data-testid="panel-toggle"
        >
          <span aria-hidden>«</span>
        </button>
        {state.errors.length > 0 ? (
          <span
            className="mt-2 rounded-full bg-red-100 px-1.5 text-[10px] text-red-700 tabular-nums"
            title={`${state.errors.length} issues`}
          >
            {state.errors.length}
          </span>
        ) : null}
      </aside>
    );
  }
  return (
    <aside
      className={`flex h-full max-w-full shrink-0 flex-col border-l border-zinc-200 bg-white ${overCanvas ? "absolute inset-y-0 right-0 z-20 shadow-xl" : "relative"}`}
      style={{ width }}
      aria-label="Scenario panel"
      data-testid="builder-panel"
      data-open="true"
      // A panel over the canvas is a place where new nodes must not land.
      data-covers-canvas={overCanvas ? "" : undefined}
    >
      <PanelResizer width={width} onResize={onResize} />
      <div className="flex shrink-0 items-stretch border-b border-zinc-200">
        <div role="tablist" aria-label="Panel" className="flex min-w-0 flex-1 overflow-x-auto px-1">
          {TABS.map(({ tab, label }) => (
            <button
              key={tab}
              type="button"
              role="tab"
              aria-selected={state.tab === tab}
              onClick={() => dispatch({ type: "showTab", tab })}
              className={`relative shrink-0 px-1.5 py-2.5 text-xs font-medium focus-visible:outline-2 focus-visible:outline-brand-600 ${state.tab === tab ? "text-brand-700 after:absolute after:inset-x-1 after:bottom-0 after:h-0.5 after:bg-brand-600" : "text-zinc-600 hover:text-zinc-900"}`}
              data-testid={`panel-tab-${tab}`}
            >
              {label}
              {tab === "issues" && state.errors.length > 0 ? (
                <span
                  className="ml-1 rounded-full bg-red-100 px-1.5 text-[10px] text-red-700 tabular-nums"
                  data-testid="issues-count"
                >
                  {state.errors.length}
                </span>
              ) : null}
            </button>
          ))}
        </div>
        <button
          type="button"
          onClick={onToggle}
          aria-expanded
          aria-label="Hide the panel"
          title="Hide the panel"
          className={`${panelToggle} m-1.5`}
          data-testid="panel-toggle"
        >
          <span aria-hidden>»</span>
        </button>
      </div>
      <div role="tabpanel" className="min-h-0 flex-1 overflow-y-auto p-4">
        {state.tab === "node" ? <SelectionPanel scenarioId={scenarioId} options={options} /> : null}
        {state.tab === "issues" ? (
          <IssuesList errors={state.errors} onFocusNode={focusNode} />
        ) : null}
        {state.tab === "versions" ? (
          <VersionsPanel
            scenarioId={scenarioId}
            versions={versions}
            viewingNumber={state.viewing?.number ?? null}
            onView={(version) => dispatch({ type: "viewVersion", version })}
            onRestore={(version) => dispatch({ type: "restoreVersion", version })}
          />
        ) : null}
        {/* Kept mounted while other tabs show, so a search and its highlighted path survive a look at a node's form. */}
        <div hidden={state.tab !== "inspect"}>
          {inspectorShown ? (
            <RunInspector
              scenarioId={scenarioId}
              versions={versions.map((v) => v.number)}
              onShowPath={(path) => dispatch({ type: "showPath", path })}
            />
          ) : null}
        </div>
        {state.tab === "settings" ? (
          <div className="space-y-6">
            {settings}
            <GraphJsonEditor
              graph={view.graph}
              readOnly={view.readOnly}
              onImport={(graph) => dispatch({ type: "importGraph", graph })}
            />
          </div>
        ) : null}
      </div>
    </aside>
  );
}

/** The node tab: the selected node's form and outputs, what several selected nodes allow, or a connection. */
function SelectionPanel({ scenarioId, options }: { scenarioId: number; options: BuilderOptions }) {
  const { view, dispatch } = useBuilderStore();
  const { graph, selection, selectedNode, readOnly } = view;
  const remove = (nodeIds: string[], edgeIds: string[]) =>
    dispatch({ type: "remove", nodeIds, edgeIds });
  const duplicate = () => dispatch({ type: "duplicate" });
  if (selectedNode) {
    return (
      <div className="space-y-5" data-testid="node-panel" data-node-id={selectedNode.id}>
        <NodeConfigPanel
          key={selectedNode.id}
          node={selectedNode}
          options={options}
          errors={view.errorsByNode.get(selectedNode.id) ?? []}
          readOnly={readOnly}
          onChange={(config) => dispatch({ type: "updateConfig", nodeId: selectedNode.id, config })}
        />
        <NodePortsEditor
          node={selectedNode}
          graph={graph}
          readOnly={readOnly}
          onPortOpen={(nodeId, port, open) => dispatch({ type: "setPortOpen", nodeId, port, open })}
          onFocusNode={(nodeId) => dispatch({ type: "focusNode", nodeId })}
        />
        {selectedNode.type === "email" ? (
          <EmailNodeStats scenarioId={scenarioId} nodeId={selectedNode.id} />
        ) : null}
        <div className="flex items-center gap-2 border-t border-zinc-100 pt-4">
          <span className="mr-auto font-mono text-xs text-zinc-400">{selectedNode.id}</span>
          <button
            type="button"
            disabled={readOnly}
            onClick={duplicate}
            className={smallButton}
            data-testid="node-duplicate"
          >
            Duplicate
          </button>
          <button
            type="button"
            disabled={readOnly}
            onClick={() => remove([selectedNode.id], [])}
            className={`${smallButton} text-red-700`}
            data-testid="node-delete"
          >
            Delete
          </button>
        </div>
      </div>
    );
  }
  if (selection.nodes.size > 1) {
    return (
      <div className="space-y-3" data-testid="multi-panel">
        <p className="text-sm text-zinc-800">{selection.nodes.size} nodes selected.</p>
        <p className="text-xs text-zinc-500">
          Drag any of them to move them together; Ctrl/⌘ C and V copy them with the connections
          between them.
        </p>
        <div className="flex gap-2">
          <button type="button" disabled={readOnly} onClick={duplicate} className={smallButton}>
            Duplicate
          </button>
          <button
            type="button"
            disabled={readOnly}
            onClick={() => remove([...selection.nodes], [...selection.edges])}
            className={`${smallButton} text-red-700`}
          >
            Delete {selection.nodes.size} nodes
          </button>
        </div>
      </div>
    );
  }
  const edge =
    selection.edges.size === 1 ? graph.edges.find((e) => selection.edges.has(e.id)) : undefined;
  if (edge) {
    return (
      <div className="space-y-3" data-testid="edge-panel">
        <p className="text-sm text-zinc-800">
          Connection from <span className="font-mono">{edge.from}</span> ({portName(edge.fromPort)})
          to <span className="font-mono">{edge.to}</span>.
        </p>
        <button
          type="button"
          disabled={readOnly}
          onClick={() => remove([], [edge.id])}
          className={`${smallButton} text-red-700`}
          data-testid="edge-delete"
        >
          Delete connection
        </button>
      </div>
    );
  }
  return (
    <div className="space-y-2 text-sm text-zinc-600" data-testid="node-panel-empty">
      <p className="font-medium text-zinc-800">Nothing selected</p>
      <p>
        Select a node to set it up here. Drag from a node’s output dot to another node to connect
        them.
      </p>
      <p>Right-click a node, a connection or the canvas for more; press ? for the shortcuts.</p>
    </div>
  );
}

function IssuesList({
  errors,
  onFocusNode,
}: {
  errors: GraphErrorView[];
  onFocusNode(nodeId: string): void;
}) {
  if (errors.length === 0) {
    return (
      <p className="text-sm text-emerald-700" data-testid="issues-none">
        No issues: the draft can be published.
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <p className="text-xs text-zinc-500">
        The draft is checked on every save. Publishing needs all of these fixed.
      </p>
      <ul className="space-y-1.5" data-testid="issues-list">
        {errors.map((error, index) => (
          <li key={`${error.nodeId}-${error.code}-${index}`}>
            {error.nodeId ? (
              <button
                type="button"
                onClick={() => onFocusNode(error.nodeId!)}
                className="w-full rounded-md border border-red-200 bg-red-50 px-2.5 py-1.5 text-left text-sm text-red-800 hover:bg-red-100 focus-visible:outline-2 focus-visible:outline-brand-600"
                data-testid={`issue-${error.nodeId}`}
              >
                <span className="block font-mono text-xs text-red-600">{error.nodeId}</span>
                {error.message}
              </button>
            ) : (
              <p className="rounded-md border border-red-200 bg-red-50 px-2.5 py-1.5 text-sm text-red-800">
                {error.message}
              </p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

const panelToggle =
  "inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-md text-sm text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-brand-600";

const smallButton =
  "inline-flex h-8 items-center rounded-md border border-zinc-300 bg-white px-2.5 text-xs font-medium shadow-sm hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed disabled:opacity-50";
