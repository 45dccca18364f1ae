import { describe, expect, it } from "vitest";
import { layoutGraph, NODE_HEIGHT } from "@/lib/scenarios/flow/auto-layout";
import { applyConnection, trackDrag } from "@/lib/scenarios/flow/flow-to-graph";
import {
  addNode,
  connect,
  copyFragment,
  moveNodes,
  pasteFragment,
  removeElements,
  setPortOpen,
  updateNodeConfig,
} from "@/lib/scenarios/flow/graph-edits";
import { graphToFlow } from "@/lib/scenarios/flow/graph-to-flow";
import { EMPTY_GRAPH, type ScenarioGraph, scenarioGraphSchema } from "@/lib/scenarios/graph";

/** trigger → condition → (yes) email, (no) wait → banner: the builder test's scenario. */
function buildJourney(): ScenarioGraph {
  let g = EMPTY_GRAPH;
  for (const [type, x, y] of [
    ["event", 0, 0],
    ["condition", 0, 150],
    ["email", -150, 300],
    ["wait", 150, 300],
    ["banner", 150, 450],
  ] as const) {
    g = addNode(g, type, { x, y }).graph;
  }
  for (const [from, fromPort, to] of [
    ["event-1", "out", "condition-1"],
    ["condition-1", "yes", "email-1"],
    ["condition-1", "no", "wait-1"],
    ["wait-1", "out", "banner-1"],
  ]) {
    g = applyConnection(g, {
      source: from!,
      sourceHandle: fromPort!,
      target: to!,
      targetHandle: null,
    });
  }
  return g;
}

describe("graph edits — the canvas's actions on the domain graph", () => {
  it("builds a graph from the palette and connections that the schema accepts and the canvas draws back", () => {
    const g = buildJourney();
    expect(scenarioGraphSchema.safeParse(g).success).toBe(true);
    expect(g.nodes.map((n) => n.id)).toEqual([
      "event-1",
      "condition-1",
      "email-1",
      "wait-1",
      "banner-1",
    ]);
    expect(g.edges.map((e) => `${e.from}.${e.fromPort}>${e.to}`)).toEqual([
      "event-1.out>condition-1",
      "condition-1.yes>email-1",
      "condition-1.no>wait-1",
      "wait-1.out>banner-1",
    ]);
    const flow = graphToFlow(g);
    expect(flow.edges.map((e) => [e.source, e.sourceHandle, e.target])).toEqual(
      g.edges.map((e) => [e.from, e.fromPort, e.to]),
    );
    expect(flow.nodes.map((n) => n.position)).toEqual(g.nodes.map((n) => n.position));
  });

  it("refuses connections into a trigger, to the node itself, from a port the node lacks, and twice the same", () => {
    const g = buildJourney();
    expect(connect(g, { from: "condition-1", fromPort: "yes", to: "event-1" })).toEqual({
      refused: "into_trigger",
    });
    expect(connect(g, { from: "wait-1", fromPort: "out", to: "wait-1" })).toEqual({
      refused: "same_node",
    });
    expect(connect(g, { from: "wait-1", fromPort: "yes", to: "email-1" })).toEqual({
      refused: "unknown_port",
    });
    expect(connect(g, { from: "wait-1", fromPort: "out", to: "banner-1" })).toEqual({
      refused: "duplicate",
    });
    expect(
      applyConnection(g, {
        source: "wait-1",
        sourceHandle: null,
        target: "email-1",
        targetHandle: null,
      }),
    ).toBe(g);
  });

  it("connecting a port marked open makes it not open any more", () => {
    const g = setPortOpen(buildJourney(), "email-1", "out", true);
    expect(g.nodes.find((n) => n.id === "email-1")!.openPorts).toEqual(["out"]);
    const joined = connect(g, { from: "email-1", fromPort: "out", to: "banner-1" });
    expect(
      "graph" in joined && joined.graph.nodes.find((n) => n.id === "email-1")!.openPorts,
    ).toBeUndefined();
    expect(
      setPortOpen(g, "email-1", "out", false).nodes.find((n) => n.id === "email-1"),
    ).not.toHaveProperty("openPorts");
  });

  it("removing a node removes its edges; removing an edge keeps the nodes", () => {
    const g = buildJourney();
    const without = removeElements(g, ["condition-1"]);
    expect(without.nodes.map((n) => n.id)).toEqual(["event-1", "email-1", "wait-1", "banner-1"]);
    expect(without.edges.map((e) => e.id)).toEqual([g.edges[3]!.id]);
    expect(removeElements(g, [], [g.edges[0]!.id]).nodes).toBe(g.nodes);
    expect(removeElements(g, [])).toBe(g);
  });

  it("moves keep the identity of the nodes that did not move", () => {
    const g = buildJourney();
    const moved = moveNodes(g, { "wait-1": { x: 200.4, y: 310.6 } });
    expect(moved.nodes.find((n) => n.id === "wait-1")!.position).toEqual({ x: 200, y: 311 });
    expect(moved.nodes.filter((n) => n.id !== "wait-1").every((n) => g.nodes.includes(n))).toBe(
      true,
    );
    expect(moved.edges).toBe(g.edges);
    expect(moveNodes(g, { "wait-1": g.nodes[3]!.position })).toBe(g);
  });

  it("a drag moves nodes on the canvas only, and lands in the graph once, where it ended", () => {
    let state = trackDrag(null, [
      { type: "position", id: "wait-1", position: { x: 10, y: 10 }, dragging: true },
    ]);
    state = trackDrag(state.dragging, [
      { type: "position", id: "wait-1", position: { x: 20, y: 20 }, dragging: true },
      { type: "position", id: "banner-1", position: { x: 30, y: 30 }, dragging: true },
    ]);
    expect(state).toEqual({
      dragging: { "wait-1": { x: 20, y: 20 }, "banner-1": { x: 30, y: 30 } },
      moved: null,
    });
    const end = trackDrag(state.dragging, [{ type: "position", id: "wait-1", dragging: false }]);
    expect(end).toEqual({
      dragging: null,
      moved: { "wait-1": { x: 20, y: 20 }, "banner-1": { x: 30, y: 30 } },
    });
    // Arrow keys move at once; selection and size changes move nothing.
    expect(trackDrag(null, [{ type: "position", id: "wait-1", position: { x: 5, y: 0 } }])).toEqual(
      { dragging: null, moved: { "wait-1": { x: 5, y: 0 } } },
    );
    expect(trackDrag(null, [{ type: "select", id: "wait-1", selected: true }])).toEqual({
      dragging: null,
      moved: null,
    });
  });

  it("renaming an A/B variant carries its edges over; removing one drops its edges", () => {
    let g = addNode(buildJourney(), "ab_test", { x: 400, y: 0 }).graph;
    g = applyConnection(g, {
      source: "ab-test-1",
      sourceHandle: "variant:A",
      target: "email-1",
      targetHandle: null,
    });
    g = applyConnection(g, {
      source: "ab-test-1",
      sourceHandle: "variant:B",
      target: "wait-1",
      targetHandle: null,
    });
    g = setPortOpen(g, "ab-test-1", "variant:B", true);
    const renamed = updateNodeConfig(g, "ab-test-1", {
      variants: [
        { code: "control", name: "Control", percent: 50 },
        { code: "B", name: "Variant B", percent: 50 },
      ],
    });
    expect(renamed.edges.filter((e) => e.from === "ab-test-1").map((e) => e.fromPort)).toEqual([
      "variant:control",
      "variant:B",
    ]);
    const dropped = updateNodeConfig(g, "ab-test-1", {
      variants: [
        { code: "A", name: "A", percent: 50 },
        { code: "C", name: "C", percent: 25 },
        { code: "D", name: "D", percent: 25 },
      ],
    });
    expect(dropped.edges.filter((e) => e.from === "ab-test-1").map((e) => e.fromPort)).toEqual([
      "variant:A",
    ]);
    expect(dropped.nodes.find((n) => n.id === "ab-test-1")).not.toHaveProperty("openPorts");
  });

  it("pastes a copy with fresh ids and its inner edges only", () => {
    const g = buildJourney();
    const fragment = copyFragment(g, ["wait-1", "banner-1", "condition-1"]);
    expect(fragment.edges.map((e) => `${e.from}>${e.to}`)).toEqual([
      "condition-1>wait-1",
      "wait-1>banner-1",
    ]);
    const pasted = pasteFragment(g, fragment, { x: 40, y: 40 });
    expect(pasted.nodeIds).toEqual(["condition-2", "wait-2", "banner-2"]);
    expect(pasted.graph.nodes.find((n) => n.id === "wait-2")!.position).toEqual({ x: 190, y: 340 });
    expect(
      pasted.graph.edges.slice(g.edges.length).map((e) => `${e.from}.${e.fromPort}>${e.to}`),
    ).toEqual(["condition-2.no>wait-2", "wait-2.out>banner-2"]);
    expect(new Set(pasted.graph.edges.map((e) => e.id)).size).toBe(pasted.graph.edges.length);
    expect(scenarioGraphSchema.safeParse(pasted.graph).success).toBe(true);
  });

  it("auto-layout puts each node below the one it comes from", () => {
    const g = buildJourney();
    const at = layoutGraph(g);
    expect(at["condition-1"]!.y).toBeGreaterThanOrEqual(at["event-1"]!.y + NODE_HEIGHT);
    expect(at["email-1"]!.y).toBe(at["wait-1"]!.y);
    expect(at["email-1"]!.x).not.toBe(at["wait-1"]!.x);
    expect(at["banner-1"]!.y).toBeGreaterThan(at["wait-1"]!.y);
  });
});
