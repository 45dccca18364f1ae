import { describe, expect, it } from "vitest";
import {
  errorsByNode,
  flowStatistics,
  isReadOnly,
  selectedNode,
  shownGraph,
  visibleSelection,
} from "@/components/builder/store/builder-selectors";
import type { BuilderAction } from "@/components/builder/store/builder-actions";
import {
  builderReducer,
  type BuilderState,
  createBuilderState,
} from "@/components/builder/store/builder-state";
import { addNode } from "@/lib/scenarios/flow/graph-edits";
import { EMPTY_GRAPH, type ScenarioGraph } from "@/lib/scenarios/graph";
import type { ScenarioStats } from "@/lib/scenarios/stats/get-scenario-stats";

/*
 * The builder's store without a browser: what the author does (drop, connect, select, copy, undo, publish, look at
 * a version) as actions on the state, and what the canvas and the panel are then given to show.
 */

function stateOf(
  draft: ScenarioGraph = EMPTY_GRAPH,
  overrides: Partial<Parameters<typeof createBuilderState>[0]> = {},
): BuilderState {
  return createBuilderState({
    draft,
    draftErrors: [],
    deleted: false,
    liveVersion: null,
    draftIsLive: false,
    ...overrides,
  });
}

function run(state: BuilderState, ...actions: BuilderAction[]): BuilderState {
  return actions.reduce(builderReducer, state);
}

const draft = (state: BuilderState) => state.history.present;
const ids = (graph: ScenarioGraph) => graph.nodes.map((n) => n.id);
const selected = (state: BuilderState) => [...visibleSelection(state).nodes];

/** event → wait, as a draft already saved. */
function twoNodes(): ScenarioGraph {
  const event = addNode(EMPTY_GRAPH, "event", { x: 0, y: 0 }).graph;
  return addNode(event, "wait", { x: 0, y: 200 }).graph;
}

const connectEventToWait: BuilderAction = {
  type: "connect",
  connection: { source: "event-1", sourceHandle: "out", target: "wait-1", targetHandle: null },
};

describe("builder store — editing the draft", () => {
  it("drops a node where it was dropped, selects it with its form open, and undo takes it away", () => {
    const start = { ...stateOf(), tab: "versions" as const };
    const dropped = run(start, {
      type: "dropNode",
      nodeType: "event",
      position: { x: 330.4, y: 60.6 },
    });
    expect(ids(draft(dropped))).toEqual(["event-1"]);
    expect(draft(dropped).nodes[0]!.position).toEqual({ x: 330, y: 61 });
    expect(selected(dropped)).toEqual(["event-1"]);
    expect(dropped.tab).toBe("node");

    const undone = run(dropped, { type: "undo" });
    expect(draft(undone)).toBe(EMPTY_GRAPH);
    expect(selected(undone)).toEqual([]);
    expect(draft(run(undone, { type: "redo" }))).toBe(draft(dropped));
  });

  it("staggers nodes added in the middle of the view so they do not stack, and starts again after a copy", () => {
    const add: BuilderAction = {
      type: "addNodeInView",
      nodeType: "wait",
      position: { x: 100, y: 100 },
    };
    const three = run(stateOf(), add, add, add);
    expect(draft(three).nodes.map((n) => n.position)).toEqual([
      { x: 100, y: 100 },
      { x: 124, y: 124 },
      { x: 148, y: 148 },
    ]);
    const afterCopy = run(three, { type: "copy" }, add);
    expect(draft(afterCopy).nodes.at(-1)!.position).toEqual({ x: 100, y: 100 });
  });

  it("moves, connects and removes through the graph edits, each one undo step", () => {
    const start = stateOf(twoNodes());
    const moved = run(start, { type: "moveNodes", positions: { "wait-1": { x: 50, y: 250 } } });
    expect(draft(moved).nodes[1]!.position).toEqual({ x: 50, y: 250 });

    const connected = run(moved, connectEventToWait);
    expect(draft(connected).edges).toEqual([
      { id: "e1", from: "event-1", fromPort: "out", to: "wait-1" },
    ]);
    // A connection the graph refuses (into a trigger) changes nothing.
    const refused = {
      type: "connect",
      connection: { source: "wait-1", sourceHandle: "out", target: "event-1", targetHandle: null },
    } as const;
    expect(run(connected, refused)).toBe(connected);

    const removed = run(
      connected,
      { type: "select", nodes: ["wait-1"] },
      { type: "remove", nodeIds: ["wait-1"], edgeIds: [] },
    );
    expect(ids(draft(removed))).toEqual(["event-1"]);
    expect(draft(removed).edges).toEqual([]);
    expect(selected(removed)).toEqual([]);
    expect(draft(run(removed, { type: "undo" }, { type: "undo" }, { type: "undo" }))).toBe(
      draft(start),
    );
  });

  it("makes one node's form changes in a row one undo step, and a new selection starts another", () => {
    const start = run(stateOf(twoNodes()), { type: "select", nodes: ["wait-1"] });
    const typed = run(
      start,
      { type: "updateConfig", nodeId: "wait-1", config: { minutes: 60 } },
      { type: "updateConfig", nodeId: "wait-1", config: { minutes: 120 } },
    );
    expect(typed.history.past).toHaveLength(1);
    const again = run(
      typed,
      { type: "applyNodeSelection", changes: [{ id: "event-1", selected: true }] },
      { type: "updateConfig", nodeId: "wait-1", config: { minutes: 180 } },
    );
    expect(again.history.past).toHaveLength(2);
    expect(draft(run(again, { type: "undo" })).nodes[1]!.config).toEqual({ minutes: 120 });
  });

  it("marks a port open and back", () => {
    const open = run(stateOf(twoNodes()), {
      type: "setPortOpen",
      nodeId: "wait-1",
      port: "out",
      open: true,
    });
    expect(draft(open).nodes[1]!.openPorts).toEqual(["out"]);
    expect(
      draft(run(open, { type: "setPortOpen", nodeId: "wait-1", port: "out", open: false }))
        .nodes[1]!.openPorts,
    ).toBeUndefined();
  });

  it("lays the graph out and asks the canvas to fit it", () => {
    const start = stateOf(twoNodes());
    const laidOut = run(start, { type: "autoLayout" });
    expect(draft(laidOut)).not.toBe(draft(start));
    expect(laidOut.fitRequest).toEqual({ nodeId: null });
    // Every request is a new object, so asking twice fits twice.
    expect(run(laidOut, { type: "fitView" }).fitRequest).not.toBe(laidOut.fitRequest);
  });

  it("imports a graph as one undoable step", () => {
    const imported = run(stateOf(), { type: "importGraph", graph: twoNodes() });
    expect(ids(draft(imported))).toEqual(["event-1", "wait-1"]);
    expect(draft(run(imported, { type: "undo" }))).toBe(EMPTY_GRAPH);
  });
});

describe("builder store — selection, clipboard and menus", () => {
  it("follows the canvas's selection changes and opens the node tab when something is selected", () => {
    const start = { ...stateOf(twoNodes()), tab: "issues" as const };
    const both = run(start, {
      type: "applyNodeSelection",
      changes: [
        { id: "event-1", selected: true },
        { id: "wait-1", selected: true },
      ],
    });
    expect(selected(both)).toEqual(["event-1", "wait-1"]);
    expect(both.tab).toBe("node");
    const one = run(both, {
      type: "applyNodeSelection",
      changes: [{ id: "event-1", selected: false }],
    });
    expect(selectedNode(shownGraph(one), visibleSelection(one))?.id).toBe("wait-1");

    const withEdge = run({ ...stateOf(twoNodes()), tab: "settings" }, connectEventToWait, {
      type: "applyEdgeSelection",
      changes: [{ id: "e1", selected: true }],
    });
    expect([...visibleSelection(withEdge).edges]).toEqual(["e1"]);
    expect(withEdge.tab).toBe("node");
  });

  it("keeps the same selection object while nothing in it is gone, so the canvas re-renders nothing", () => {
    const state = run(stateOf(twoNodes()), { type: "select", nodes: ["wait-1"] });
    expect(visibleSelection(state)).toBe(state.chosen);
  });

  it("selects every node, and Escape clears the selection and closes the menu", () => {
    const all = run(
      stateOf(twoNodes()),
      { type: "selectAll" },
      { type: "openMenu", target: { kind: "pane" }, at: { x: 1, y: 2 } },
    );
    expect(selected(all)).toEqual(["event-1", "wait-1"]);
    expect(all.menu).toEqual({ target: { kind: "pane" }, at: { x: 1, y: 2 } });
    const dismissed = run(all, { type: "dismiss" });
    expect(selected(dismissed)).toEqual([]);
    expect(dismissed.menu).toBeNull();
  });

  it("right-clicking a node outside the selection selects it; inside it keeps the selection", () => {
    const start = run(stateOf(twoNodes()), { type: "selectAll" });
    const inside = run(start, {
      type: "openMenu",
      target: { kind: "node", id: "wait-1" },
      at: { x: 0, y: 0 },
    });
    expect(selected(inside)).toEqual(["event-1", "wait-1"]);
    const cleared = run(
      start,
      { type: "dismiss" },
      { type: "openMenu", target: { kind: "node", id: "wait-1" }, at: { x: 0, y: 0 } },
    );
    expect(selected(cleared)).toEqual(["wait-1"]);
    expect(run(cleared, { type: "closeMenu" }).menu).toBeNull();
  });

  it("copies the selection and pastes it further off each time, selecting what was pasted", () => {
    const start = run(stateOf(twoNodes()), { type: "select", nodes: ["wait-1"] }, { type: "copy" });
    expect(start.notice).toBe("Copied 1 node.");
    const once = run(start, { type: "paste" });
    expect(ids(draft(once))).toEqual(["event-1", "wait-1", "wait-2"]);
    expect(draft(once).nodes[2]!.position).toEqual({ x: 40, y: 240 });
    expect(selected(once)).toEqual(["wait-2"]);
    const twice = run(once, { type: "paste" });
    expect(draft(twice).nodes[3]!.position).toEqual({ x: 80, y: 280 });
    // Nothing selected copies nothing; nothing copied pastes nothing.
    expect(run(stateOf(twoNodes()), { type: "copy" }).clipboard).toBeNull();
    expect(run(stateOf(twoNodes()), { type: "paste" })).toEqual(stateOf(twoNodes()));
  });

  it("duplicates the selection with the connections between the nodes", () => {
    const duplicated = run(
      stateOf(twoNodes()),
      connectEventToWait,
      { type: "selectAll" },
      { type: "duplicate" },
    );
    expect(ids(draft(duplicated))).toEqual(["event-1", "wait-1", "event-2", "wait-2"]);
    expect(draft(duplicated).edges.map((e) => `${e.from}>${e.to}`)).toEqual([
      "event-1>wait-1",
      "event-2>wait-2",
    ]);
    expect(selected(duplicated)).toEqual(["event-2", "wait-2"]);
  });

  it("focuses a node from the issues list: selected, its form shown, the view on it", () => {
    const focused = run(
      { ...stateOf(twoNodes()), tab: "issues" },
      { type: "focusNode", nodeId: "wait-1" },
    );
    expect(selected(focused)).toEqual(["wait-1"]);
    expect(focused.tab).toBe("node");
    expect(focused.fitRequest).toEqual({ nodeId: "wait-1" });
  });

  it("opens and closes a dialog", () => {
    const open = run(stateOf(), { type: "openDialog", dialog: "publish" });
    expect(open.dialog).toBe("publish");
    expect(run(open, { type: "closeDialog" }).dialog).toBeNull();
  });
});

describe("builder store — checks, publishing and read-only views", () => {
  const issue = {
    nodeId: "wait-1",
    code: "port_unconnected",
    message: 'Connect the "next" output',
  };

  it("outlines nodes with the saved draft's problems only once the issues tab is opened", () => {
    const checked = run(stateOf(twoNodes()), { type: "draftChecked", errors: [issue] });
    expect(checked.errors).toEqual([issue]);
    expect(errorsByNode(checked).size).toBe(0);
    const shown = run(checked, { type: "showTab", tab: "issues" });
    expect(errorsByNode(shown).get("wait-1")).toEqual(['Connect the "next" output']);
    expect(run(shown, { type: "showTab", tab: "node" }).showErrors).toBe(true);
  });

  it("a refused publish shows its problems on the nodes and in the issues tab; a published one clears them", () => {
    const refused = run(stateOf(twoNodes()), { type: "publishRefused", errors: [issue] });
    expect(refused.tab).toBe("issues");
    expect(errorsByNode(refused).get("wait-1")).toHaveLength(1);
    const published = run(refused, { type: "published", version: 3 });
    expect(published.errors).toEqual([]);
    expect(published.notice).toBe("Published version 3.");
  });

  it("shows a version read-only: no edits, no undo, no outlines, until back to the draft", () => {
    const version = { number: 2, graph: addNode(EMPTY_GRAPH, "email", { x: 0, y: 0 }).graph };
    const edited = run(
      stateOf(twoNodes()),
      { type: "moveNodes", positions: { "wait-1": { x: 9, y: 9 } } },
      { type: "publishRefused", errors: [issue] },
    );
    const viewing = run(edited, { type: "viewVersion", version });
    expect(shownGraph(viewing)).toBe(version.graph);
    expect(isReadOnly(viewing)).toBe(true);
    expect(viewing.fitRequest).toEqual({ nodeId: null });
    expect(errorsByNode(viewing).size).toBe(0);
    for (const action of [
      { type: "dropNode", nodeType: "wait", position: { x: 0, y: 0 } },
      { type: "remove", nodeIds: ["wait-1"], edgeIds: [] },
      { type: "undo" },
      { type: "importGraph", graph: EMPTY_GRAPH },
      { type: "updateConfig", nodeId: "wait-1", config: { minutes: 5 } },
    ] satisfies BuilderAction[]) {
      expect(draft(run(viewing, action))).toBe(draft(edited));
    }
    expect(shownGraph(run(viewing, { type: "backToDraft" }))).toBe(draft(edited));
  });

  it("restores a version as the draft, undoably, and not in a deleted scenario", () => {
    const version = { number: 2, graph: addNode(EMPTY_GRAPH, "email", { x: 0, y: 0 }).graph };
    const restored = run(
      stateOf(twoNodes()),
      { type: "viewVersion", version },
      { type: "restoreVersion", version },
    );
    expect(restored.viewing).toBeNull();
    expect(draft(restored)).toBe(version.graph);
    expect(restored.notice).toBe("Version 2 restored as the draft (undo to go back).");
    expect(ids(draft(run(restored, { type: "undo" })))).toEqual(["event-1", "wait-1"]);

    const deleted = stateOf(twoNodes(), { deleted: true });
    expect(run(deleted, { type: "restoreVersion", version })).toBe(deleted);
  });

  it("shows a run's path over its graph, without the counts, and back", () => {
    const path = {
      label: "Run #1",
      flow: { nodes: {}, edges: [] },
      graph: twoNodes(),
      versionNumber: 1,
    };
    const stats: ScenarioStats = {
      nodes: { "wait-1": { last24h: { out: 2 }, last30d: { out: 5 } } },
      edges: { e1: { last24h: 1, last30d: 4 } },
    };
    const start = run(stateOf(EMPTY_GRAPH, { liveVersion: 1 }), {
      type: "setStatsSettings",
      settings: { show: true, period: "last30d", versionId: null },
    });
    expect(flowStatistics(start, stats)).toEqual({
      nodes: { "wait-1": { out: 5 } },
      edges: { e1: 4 },
    });

    const inspecting = run(start, { type: "showPath", path });
    expect(shownGraph(inspecting)).toBe(path.graph);
    expect(isReadOnly(inspecting)).toBe(true);
    expect(flowStatistics(inspecting, stats)).toBeNull();
    expect(isReadOnly(run(inspecting, { type: "showPath", path: null }))).toBe(false);
  });

  it("opens read-only when the scenario is deleted and editable once it is restored", () => {
    const deleted = run(stateOf(), { type: "setDeleted", deleted: true });
    expect(run(deleted, { type: "dropNode", nodeType: "wait", position: { x: 0, y: 0 } })).toBe(
      deleted,
    );
    const restored = run(
      deleted,
      { type: "setDeleted", deleted: false },
      { type: "dropNode", nodeType: "wait", position: { x: 0, y: 0 } },
    );
    expect(ids(draft(restored))).toEqual(["wait-1"]);
  });

  it("shows statistics from the start only once something is published", () => {
    expect(stateOf().stats.show).toBe(false);
    expect(stateOf(EMPTY_GRAPH, { liveVersion: 1 }).stats.show).toBe(true);
  });

  it("marks the canvas ready and keeps the sizes React Flow measured", () => {
    const state = run(
      stateOf(twoNodes()),
      { type: "markReady" },
      { type: "measure", sizes: { "wait-1": { width: 240, height: 90 } } },
    );
    expect(state.ready).toBe(true);
    expect(state.measured).toEqual({ "wait-1": { width: 240, height: 90 } });
  });
});
