import { describe, expect, it } from "vitest";
import { addNode, moveNodes } from "@/lib/scenarios/flow/graph-edits";
import {
  canRedo,
  canUndo,
  createHistory,
  HISTORY_LIMIT,
  recordEdit,
  redo,
  seal,
  undo,
} from "@/lib/scenarios/flow/graph-history";
import { EMPTY_GRAPH } from "@/lib/scenarios/graph";

describe("graph history — undo and redo in the builder", () => {
  it("undoes and redoes edits in order, and a new edit drops the redo branch", () => {
    let h = createHistory(EMPTY_GRAPH);
    const one = addNode(EMPTY_GRAPH, "wait", { x: 0, y: 0 }).graph;
    const two = addNode(one, "email", { x: 0, y: 100 }).graph;
    h = recordEdit(h, one);
    h = recordEdit(h, two);
    expect(h.present).toBe(two);
    h = undo(h);
    expect(h.present).toBe(one);
    expect(canRedo(h)).toBe(true);
    h = undo(h);
    expect(h.present).toBe(EMPTY_GRAPH);
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe(one);
    const other = addNode(one, "banner", { x: 50, y: 50 }).graph;
    h = recordEdit(h, other);
    expect(canRedo(h)).toBe(false);
    expect(redo(h)).toBe(h);
    expect(undo(h).present).toBe(one);
  });

  it("records nothing for an unchanged graph", () => {
    const h = createHistory(EMPTY_GRAPH);
    expect(recordEdit(h, EMPTY_GRAPH)).toBe(h);
  });

  it("makes the edits of one group (keystrokes in one form) one step, and later ones another once sealed", () => {
    const start = addNode(EMPTY_GRAPH, "wait", { x: 0, y: 0 }).graph;
    let h = createHistory(start);
    let g = start;
    for (let x = 10; x <= 50; x += 10) {
      g = moveNodes(g, { "wait-1": { x, y: 0 } });
      h = recordEdit(h, g, "config:wait-1");
    }
    expect(h.past).toHaveLength(1);
    h = seal(h);
    h = recordEdit(h, moveNodes(g, { "wait-1": { x: 90, y: 0 } }), "config:wait-1");
    expect(h.past).toHaveLength(2);
    expect(undo(h).present.nodes[0]!.position).toEqual({ x: 50, y: 0 });
    expect(undo(undo(h)).present).toBe(start);
  });

  it("undo ends an open group, so the edit after it is its own step", () => {
    const a = addNode(EMPTY_GRAPH, "wait", { x: 0, y: 0 }).graph;
    let h = recordEdit(createHistory(EMPTY_GRAPH), a, "config:wait-1");
    h = undo(h);
    h = recordEdit(h, a, "config:wait-1");
    expect(h.past).toEqual([EMPTY_GRAPH]);
    expect(h.openGroup).toBe("config:wait-1");
  });

  it(`keeps at most ${HISTORY_LIMIT} steps`, () => {
    let h = createHistory(EMPTY_GRAPH);
    let g = EMPTY_GRAPH;
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) {
      g = { ...g, nodes: [...g.nodes] };
      h = recordEdit(h, g);
    }
    expect(h.past).toHaveLength(HISTORY_LIMIT);
  });
});
