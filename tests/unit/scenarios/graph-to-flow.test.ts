import { describe, expect, it } from "vitest";
import { graphToFlow, portLabel } from "@/lib/scenarios/flow/graph-to-flow";
import { runPathToFlow } from "@/lib/scenarios/flow/run-path";
import type { ScenarioGraph } from "@/lib/scenarios/graph";

const graph: ScenarioGraph = {
  nodes: [
    { id: "t", type: "event", config: { event: "user.created" }, position: { x: 0, y: 0 } },
    {
      id: "ab",
      type: "ab_test",
      config: {
        variants: [
          { code: "A", name: "A", percent: 30 },
          { code: "B", name: "B", percent: 70 },
        ],
      },
      position: { x: 0, y: 100 },
    },
    {
      id: "w",
      type: "wait",
      config: { minutes: 4320 },
      position: { x: -100, y: 200 },
      openPorts: ["out"],
    },
    {
      id: "m",
      type: "email",
      config: { template: "welcome" },
      position: { x: 100, y: 200 },
      openPorts: ["out"],
    },
  ],
  edges: [
    { id: "e1", from: "t", fromPort: "out", to: "ab" },
    { id: "e2", from: "ab", fromPort: "variant:A", to: "w" },
    { id: "e3", from: "ab", fromPort: "variant:B", to: "m" },
  ],
};

describe("graphToFlow — React Flow state derived from the domain graph", () => {
  it("keeps ids and positions, and gives each node its group, summary and one handle per port", () => {
    const { nodes, edges } = graphToFlow(graph);
    expect(nodes.map((n) => [n.id, n.position, n.data.group, n.data.summary])).toEqual([
      ["t", { x: 0, y: 0 }, "trigger", "On user.created"],
      ["ab", { x: 0, y: 100 }, "operation", "A 30% · B 70%"],
      ["w", { x: -100, y: 200 }, "operation", "Wait 3 days"],
      ["m", { x: 100, y: 200 }, "action", "Email: welcome"],
    ]);
    expect(nodes[1]!.data.ports).toEqual([
      { id: "variant:A", label: "A", name: "variant A" },
      { id: "variant:B", label: "B", name: "variant B" },
    ]);
    expect(nodes[0]!.data.isTrigger).toBe(true);
    expect(edges.map((e) => [e.id, e.source, e.sourceHandle, e.target, e.label])).toEqual([
      ["e1", "t", "out", "ab", undefined],
      ["e2", "ab", "variant:A", "w", "A"],
      ["e3", "ab", "variant:B", "m", "B"],
    ]);
  });

  it("puts visit counts on nodes and users passed on edges when statistics are given", () => {
    const { nodes, edges } = graphToFlow(graph, {
      nodes: { ab: { "variant:A": 3, "variant:B": 7 } },
      edges: { e2: 3, e3: 7 },
    });
    expect(nodes.find((n) => n.id === "ab")!.data.counts).toEqual({
      "variant:A": 3,
      "variant:B": 7,
    });
    expect(nodes.find((n) => n.id === "m")!.data.counts).toEqual({});
    expect(edges.map((e) => e.label)).toEqual(["0", "A · 3", "B · 7"]);
  });

  it("labels ports for people", () => {
    expect([portLabel("out"), portLabel("yes"), portLabel("variant:control")]).toEqual([
      "",
      "yes",
      "control",
    ]);
  });
});

describe("a run's path on the diagram", () => {
  it("marks visited nodes with their outcome and reason, fades the others, and animates the edges taken", () => {
    const path = runPathToFlow([
      { nodeId: "t", viaEdgeId: null, outcome: "out", facts: { event: "user.created" } },
      { nodeId: "ab", viaEdgeId: "e1", outcome: "variant:B", facts: { variant: "B" } },
      { nodeId: "m", viaEdgeId: "e3", outcome: null, facts: {} },
    ]);
    expect(path).toEqual({
      nodes: {
        t: { outcome: "out", note: "" },
        ab: { outcome: "variant:B", note: "variant B" },
        m: { outcome: null, note: "" },
      },
      edges: ["e1", "e3"],
    });
    const { nodes, edges } = graphToFlow(graph, null, path);
    expect(nodes.map((n) => [n.id, n.data.visit])).toEqual([
      ["t", { outcome: "out", note: "" }],
      ["ab", { outcome: "variant:B", note: "variant B" }],
      ["w", null],
      ["m", { outcome: null, note: "" }],
    ]);
    expect(edges.map((e) => [e.id, Boolean(e.animated)])).toEqual([
      ["e1", true],
      ["e2", false],
      ["e3", true],
    ]);
  });
});
