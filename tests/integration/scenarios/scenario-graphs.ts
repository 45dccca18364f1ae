import type { ScenarioGraph } from "@/lib/scenarios/graph";

/** Graphs for the management and API tests. */

/** The smallest graph that passes validation: on user.created, wait an hour, end (the wait's `out` left open). */
export function validGraph(): ScenarioGraph {
  return {
    nodes: [
      { id: "t", type: "event", config: { event: "user.created" }, position: { x: 0, y: 0 } },
      {
        id: "w",
        type: "wait",
        config: { minutes: 60 },
        position: { x: 0, y: 100 },
        openPorts: ["out"],
      },
    ],
    edges: [{ id: "e1", from: "t", fromPort: "out", to: "w" }],
  };
}

/** Structurally fine, but the email node names a template that does not exist: publishing must fail on `mail`. */
export function graphWithEmail(template: string): ScenarioGraph {
  return {
    nodes: [
      { id: "t", type: "event", config: { event: "user.created" }, position: { x: 0, y: 0 } },
      {
        id: "mail",
        type: "email",
        config: { template },
        position: { x: 0, y: 100 },
        openPorts: ["out"],
      },
    ],
    edges: [{ id: "e1", from: "t", fromPort: "out", to: "mail" }],
  };
}

/** Not a graph at all: a node of an unknown type. */
export const BROKEN_GRAPH = {
  nodes: [{ id: "x", type: "teleport", config: {}, position: { x: 0, y: 0 } }],
  edges: [],
};
