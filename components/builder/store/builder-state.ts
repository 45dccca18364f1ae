// Over 300 lines on purpose: one reducer, so every builder action's state change reads in one switch.
/**
 * The builder's state and every change to it (`BuilderAction`), as one pure reducer: graph edits go through the pure
 * functions of `graph-edits` and the undo history of `graph-history`; what the author is looking at (selection, panel
 * tab, a version or a run's path shown read-only, menus, dialogs) sits beside the draft. No React, no browser: the
 * reducer is unit-tested as it is. Effects (saving, publishing, moving the viewport) are the components' part.
 */
import type { GraphErrorView } from "@/lib/scenarios/scenario-view-types";
import type { CanvasSelection, ContextTarget } from "@/components/builder/builder-canvas";
import type { PanelTab } from "@/components/builder/builder-side-panel";
import type { StatsSettings } from "@/components/builder/builder-toolbars";
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
import {
  createHistory,
  type GraphHistory,
  recordEdit,
  redo,
  seal,
  undo,
} from "@/lib/scenarios/flow/graph-history";
import type { ScenarioGraph } from "@/lib/scenarios/graph";
import type { NodeType } from "@/lib/scenarios/nodes/definitions";
import type { BuilderAction } from "./builder-actions";
import { isReadOnly, shownGraph, visibleSelection } from "./builder-selectors";

type Position = { x: number; y: number };
type Size = { width: number; height: number };

/** A published version's graph, shown on the canvas instead of the draft. */
export interface VersionGraph {
  number: number;
  graph: ScenarioGraph;
}

export type BuilderDialogKind = "publish" | "shortcuts";

export interface BuilderState {
  /** The draft with its undo history: `history.present` is what the canvas edits and autosave stores. */
  history: GraphHistory;
  /** A deleted scenario opens read-only; follows the page as the scenario is deleted or restored. */
  deleted: boolean;
  /** What the author selected; ids an undo or a delete took away are left out where it is read (`visibleSelection`). */
  chosen: CanvasSelection;
  /** Node sizes React Flow measured, for auto-layout and for drawing nodes at their size at once. */
  measured: Record<string, Size>;
  /** The draft's problems from its last check (every save) or from a refused publish. */
  errors: GraphErrorView[];
  /** Nodes are outlined with their problems only once the author asks (issues tab, a refused publish). */
  showErrors: boolean;
  tab: PanelTab;
  /** A published version shown read-only. */
  viewing: VersionGraph | null;
  /** A run's or a simulation's path shown read-only, over the graph it belongs to. */
  inspected: InspectedPath | null;
  stats: StatsSettings;
  clipboard: GraphFragment | null;
  /**
   * Placements in a row by paste or by the palette's "add in view"; each is shifted by it so they do not stack.
   * Copying starts again from zero.
   */
  stagger: number;
  menu: { target: ContextTarget; at: Position } | null;
  dialog: BuilderDialogKind | null;
  /** The last thing done that the author may want confirmed (copied, published, restored). */
  notice: string | null;
  /** The scenario's published version, the one its runs follow; null before the first publish. */
  liveVersion: number | null;
  /**
   * The draft as it was when it matched the live version (loaded so, or just published); the draft has changes to
   * publish while `history.present` is another graph. Undoing back to it counts as no changes.
   */
  publishedDraft: ScenarioGraph | null;
  /** React Flow has drawn the canvas. */
  ready: boolean;
  /**
   * The canvas is asked to fit its view to the whole graph (nodeId null) or to one node, once the change that asked
   * is drawn. Each request is a new object, acted on once.
   */
  fitRequest: { nodeId: string | null } | null;
}

const NO_SELECTION: CanvasSelection = { nodes: new Set(), edges: new Set() };
/** How far each paste in a row lands from the copied nodes. */
const PASTE_OFFSET = { x: 40, y: 40 };
/** How far each palette add in a row lands from the previous one, over five steps. */
const ADD_STAGGER = 24;

export function createBuilderState({
  draft,
  draftErrors,
  deleted,
  liveVersion,
  draftIsLive,
}: {
  draft: ScenarioGraph;
  draftErrors: GraphErrorView[];
  deleted: boolean;
  /** Statistics show by default once there is a published version to count visits of. */
  liveVersion: number | null;
  /** The stored draft is the live version's graph: nothing to publish. */
  draftIsLive: boolean;
}): BuilderState {
  return {
    history: createHistory(draft),
    deleted,
    chosen: NO_SELECTION,
    measured: {},
    errors: draftErrors,
    showErrors: false,
    tab: "node",
    viewing: null,
    inspected: null,
    stats: { show: liveVersion !== null, period: "last24h", versionId: null },
    clipboard: null,
    stagger: 0,
    menu: null,
    dialog: null,
    notice: null,
    liveVersion,
    publishedDraft: liveVersion !== null && draftIsLive ? draft : null,
    ready: false,
    fitRequest: null,
  };
}

export function builderReducer(state: BuilderState, action: BuilderAction): BuilderState {
  switch (action.type) {
    case "markReady":
      return { ...state, ready: true };
    case "measure":
      return { ...state, measured: { ...state.measured, ...action.sizes } };
    case "applyNodeSelection": {
      const nodes = new Set(visibleSelection(state).nodes);
      for (const change of action.changes) {
        if (change.selected) nodes.add(change.id);
        else nodes.delete(change.id);
      }
      const next = {
        ...state,
        chosen: { nodes, edges: state.chosen.edges },
        history: seal(state.history),
      };
      return nodes.size > 0 ? { ...next, tab: "node" } : next;
    }
    case "applyEdgeSelection": {
      const edges = new Set(state.chosen.edges);
      for (const change of action.changes) {
        if (change.selected) edges.add(change.id);
        else edges.delete(change.id);
      }
      return { ...state, chosen: { nodes: state.chosen.nodes, edges }, tab: "node" };
    }
    case "select":
      return select(state, action.nodes, action.edges);
    case "selectAll":
      return select(
        state,
        shownGraph(state).nodes.map((n) => n.id),
      );
    case "dismiss":
      return select({ ...state, menu: null }, []);
    case "focusNode":
      return {
        ...select(state, [action.nodeId]),
        tab: "node",
        fitRequest: { nodeId: action.nodeId },
      };
    case "fitView":
      return { ...state, fitRequest: fitAll() };
    case "moveNodes":
      return sealed(edit(state, (g) => moveNodes(g, action.positions)));
    case "connect":
      return sealed(edit(state, (g) => applyConnection(g, action.connection)));
    case "remove":
      return sealed(edit(state, (g) => removeElements(g, action.nodeIds, action.edgeIds)));
    case "dropNode":
      return placeNode(state, action.nodeType, action.position);
    case "addNodeInView": {
      if (isReadOnly(state)) return state;
      const shift = (state.stagger % 5) * ADD_STAGGER;
      const position = { x: action.position.x + shift, y: action.position.y + shift };
      return placeNode({ ...state, stagger: state.stagger + 1 }, action.nodeType, position);
    }
    case "copy": {
      const { nodes } = visibleSelection(state);
      if (nodes.size === 0) return state;
      return {
        ...state,
        clipboard: copyFragment(shownGraph(state), nodes),
        stagger: 0,
        notice: `Copied ${nodes.size} node${nodes.size === 1 ? "" : "s"}.`,
      };
    }
    case "paste":
      return paste(state);
    case "duplicate": {
      const { nodes } = visibleSelection(state);
      if (nodes.size === 0 || isReadOnly(state)) return state;
      return paste({ ...state, clipboard: copyFragment(state.history.present, nodes), stagger: 0 });
    }
    case "autoLayout":
      return {
        ...sealed(edit(state, (g) => moveNodes(g, layoutGraph(g, state.measured)))),
        fitRequest: fitAll(),
      };
    case "updateConfig":
      return edit(
        state,
        (g) => updateNodeConfig(g, action.nodeId, action.config),
        `config:${action.nodeId}`,
      );
    case "setPortOpen":
      return edit(state, (g) => setPortOpen(g, action.nodeId, action.port, action.open));
    case "importGraph":
      return { ...sealed(edit(state, () => action.graph)), fitRequest: fitAll() };
    case "undo":
      return isReadOnly(state) ? state : { ...state, history: undo(state.history) };
    case "redo":
      return isReadOnly(state) ? state : { ...state, history: redo(state.history) };
    case "showTab":
      // The issues tab is where the author asks for the problems, so the nodes show theirs from then on.
      return { ...state, tab: action.tab, showErrors: state.showErrors || action.tab === "issues" };
    case "draftChecked":
      return { ...state, errors: action.errors };
    case "publishRefused":
      return { ...state, errors: action.errors, showErrors: true, tab: "issues" };
    case "published":
      return {
        ...state,
        errors: [],
        notice: `Published version ${action.version}.`,
        liveVersion: action.version,
        publishedDraft: state.history.present,
      };
    case "clearNotice":
      return state.notice === null ? state : { ...state, notice: null };
    case "viewVersion":
      return { ...state, viewing: action.version, fitRequest: fitAll() };
    case "restoreVersion":
      if (state.deleted) return state;
      return {
        ...state,
        viewing: null,
        history: seal(recordEdit(state.history, action.version.graph)),
        notice: `Version ${action.version.number} restored as the draft (undo to go back).`,
        fitRequest: fitAll(),
      };
    case "showPath":
      return {
        ...state,
        inspected: action.path,
        fitRequest: action.path ? fitAll() : state.fitRequest,
      };
    case "backToDraft":
      return { ...state, viewing: null, inspected: null };
    case "setStatsSettings":
      return { ...state, stats: action.settings };
    case "openMenu": {
      const { target } = action;
      const selection = visibleSelection(state);
      let next = state;
      if (target.kind === "node" && !selection.nodes.has(target.id))
        next = select(state, [target.id]);
      if (target.kind === "edge" && !selection.edges.has(target.id))
        next = select(state, [], [target.id]);
      return { ...next, menu: { target, at: action.at } };
    }
    case "closeMenu":
      return state.menu === null ? state : { ...state, menu: null };
    case "openDialog":
      return { ...state, dialog: action.dialog };
    case "closeDialog":
      return { ...state, dialog: null };
    case "setDeleted":
      return state.deleted === action.deleted ? state : { ...state, deleted: action.deleted };
  }
}

/** Apply an edit to the draft unless it is read-only; edits in one `group` (one node's form) are one undo step. */
function edit(
  state: BuilderState,
  change: (graph: ScenarioGraph) => ScenarioGraph,
  group: string | null = null,
): BuilderState {
  if (isReadOnly(state)) return state;
  const history = recordEdit(state.history, change(state.history.present), group);
  return history === state.history ? state : { ...state, history };
}

/** End the open undo group: what follows is a step of its own. */
function sealed(state: BuilderState): BuilderState {
  const history = seal(state.history);
  return history === state.history ? state : { ...state, history };
}

/** A new selection also ends the open undo group: editing another node's form is another step. */
function select(
  state: BuilderState,
  nodes: Iterable<string>,
  edges: Iterable<string> = [],
): BuilderState {
  return {
    ...state,
    chosen: { nodes: new Set(nodes), edges: new Set(edges) },
    history: seal(state.history),
  };
}

/** Add a node and select it, with its form open. */
function placeNode(state: BuilderState, type: NodeType, position: Position): BuilderState {
  if (isReadOnly(state)) return state;
  const added = addNode(state.history.present, type, position);
  const next = { ...state, history: seal(recordEdit(state.history, added.graph)) };
  return { ...select(next, [added.id]), tab: "node" };
}

/** A new object each time, so the canvas sees every request, even the same one twice. */
function fitAll(): BuilderState["fitRequest"] {
  return { nodeId: null };
}

/** Paste the clipboard a step further from the copied nodes than the last paste, and select what was pasted. */
function paste(state: BuilderState): BuilderState {
  if (!state.clipboard || isReadOnly(state)) return state;
  const stagger = state.stagger + 1;
  const pasted = pasteFragment(state.history.present, state.clipboard, {
    x: PASTE_OFFSET.x * stagger,
    y: PASTE_OFFSET.y * stagger,
  });
  return select(
    { ...state, stagger, history: seal(recordEdit(state.history, pasted.graph)) },
    pasted.nodeIds,
  );
}
