import { describe, expect, it } from "vitest";
import { inspectPath } from "@/lib/scenarios/inspector/inspect-path";
import type { ScenarioGraph } from "@/lib/scenarios/graph";

const at = { x: 0, y: 0 };
const graph: ScenarioGraph = {
  nodes: [
    { id: "t", type: "event", config: { event: "payment.completed" }, position: at },
    {
      id: "c",
      type: "condition",
      config: { criteria: [{ kind: "payment", key: "amount", operator: "lt", value: 1000 }] },
      position: at,
    },
    { id: "m", type: "email", config: { template: "thanks" }, position: at, openPorts: ["out"] },
    { id: "w", type: "wait", config: { minutes: 1440 }, position: at },
    {
      id: "b",
      type: "banner",
      config: { bannerId: 2, expiresAfterMinutes: null },
      position: at,
      openPorts: ["out"],
    },
  ],
  edges: [
    { id: "e1", from: "t", fromPort: "out", to: "c" },
    { id: "e2", from: "c", fromPort: "yes", to: "m" },
    { id: "e3", from: "c", fromPort: "no", to: "w" },
    { id: "e4", from: "w", fromPort: "out", to: "b" },
  ],
};

const noPayment = {
  kind: "payment",
  key: "amount",
  operator: "lt",
  expected: 1000,
  actual: 1499,
  holds: false,
};

describe("inspectPath — the visits the inspector lists and the path the canvas highlights", () => {
  it("a run: its recorded edges, a decision line per visit, and the reason as each node's note", () => {
    const { steps, flow } = inspectPath(
      graph,
      [
        {
          nodeId: "t",
          nodeType: "event",
          outcome: "out",
          facts: { event: "payment.completed" },
          viaEdgeId: null,
          enteredAt: new Date("2026-03-01T10:00:00Z"),
        },
        {
          nodeId: "c",
          nodeType: "condition",
          outcome: "no",
          facts: { criteria: [noPayment], decidedBy: noPayment },
          viaEdgeId: "e1",
          enteredAt: new Date("2026-03-01T10:00:01Z"),
        },
        {
          nodeId: "w",
          nodeType: "wait",
          outcome: null,
          facts: {},
          viaEdgeId: "e3",
          enteredAt: new Date("2026-03-01T10:00:02Z"),
        },
      ],
      { criteria: [], simulated: false },
    );
    expect(steps.map((s) => [s.key, s.line, s.enteredAt])).toEqual([
      ["t:1", "entered on payment.completed", "2026-03-01T10:00:00.000Z"],
      ["c:1", "condition: payment amount 1499 < 1000 → no", "2026-03-01T10:00:01.000Z"],
      ["w:1", "wait 1 day: waiting", "2026-03-01T10:00:02.000Z"],
    ]);
    expect(flow).toEqual({
      nodes: {
        t: { outcome: "out", note: "payment.completed" },
        c: { outcome: "no", note: "payment amount 1499 < 1000" },
        w: { outcome: null, note: "1 day" },
      },
      edges: ["e1", "e3"],
    });
  });

  it("a simulation: edges from each decided port to a node it went on to visit, and what actions would do", () => {
    const { steps, flow } = inspectPath(
      graph,
      [
        { nodeId: "t", nodeType: "event", outcome: "out", facts: { event: "payment.completed" } },
        {
          nodeId: "c",
          nodeType: "condition",
          outcome: "no",
          facts: { criteria: [noPayment], decidedBy: noPayment },
        },
        { nodeId: "w", nodeType: "wait", outcome: "out", facts: { minutes: 1440 } },
        { nodeId: "b", nodeType: "banner", outcome: "out", facts: { banner_id: 2 } },
      ],
      { criteria: [], simulated: true },
    );
    expect(flow.edges).toEqual(["e1", "e3", "e4"]);
    expect(steps.map((s) => s.line)).toEqual([
      "entered on payment.completed",
      "condition: payment amount 1499 < 1000 → no",
      "wait 1 day → next",
      "banner #2 would be shown",
    ]);
    expect(steps.every((s) => s.enteredAt === null)).toBe(true);
  });

  it("a node visited twice is listed twice and shows its latest visit on the canvas", () => {
    const { steps, flow } = inspectPath(
      graph,
      [
        {
          nodeId: "c",
          nodeType: "condition",
          outcome: "no",
          facts: { criteria: [noPayment], decidedBy: noPayment },
          viaEdgeId: "e1",
        },
        {
          nodeId: "c",
          nodeType: "condition",
          outcome: "yes",
          facts: { criteria: [{ ...noPayment, actual: 499, holds: true }], decidedBy: null },
          viaEdgeId: "e1",
        },
      ],
      { criteria: [], simulated: false },
    );
    expect(steps.map((s) => s.key)).toEqual(["c:1", "c:2"]);
    expect(flow.nodes.c).toEqual({ outcome: "yes", note: "payment amount 499 < 1000" });
    expect(flow.edges).toEqual(["e1"]);
  });
});
