import { describe, expect, it } from "vitest";
import { draftStateLabel } from "@/components/builder/draft-state-label";
import {
  builderReducer,
  type BuilderState,
  createBuilderState,
} from "@/components/builder/store/builder-state";
import type { BuilderAction } from "@/components/builder/store/builder-actions";
import { addNode } from "@/lib/scenarios/flow/graph-edits";
import { EMPTY_GRAPH } from "@/lib/scenarios/graph";

/*
 * Where the draft stands against the live version, as the builder's header words it: one wording, and "draft
 * changes" exactly while the draft is not the graph that was published.
 */

const graph = addNode(EMPTY_GRAPH, "wait", { x: 0, y: 0 }).graph;
const run = (state: BuilderState, ...actions: BuilderAction[]) =>
  actions.reduce(builderReducer, state);
const changed = (state: BuilderState) => state.history.present !== state.publishedDraft;

describe("the draft's state", () => {
  it("has no changes while the draft is the live version's graph, and has them after an edit until undone", () => {
    const loaded = createBuilderState({
      draft: graph,
      draftErrors: [],
      deleted: false,
      liveVersion: 2,
      draftIsLive: true,
    });
    expect(changed(loaded)).toBe(false);
    const moved = run(loaded, { type: "moveNodes", positions: { "wait-1": { x: 50, y: 50 } } });
    expect(changed(moved)).toBe(true);
    expect(changed(run(moved, { type: "undo" }))).toBe(false);
  });

  it("counts a draft stored apart from the live version as changed, until it is published", () => {
    const loaded = createBuilderState({
      draft: graph,
      draftErrors: [],
      deleted: false,
      liveVersion: 1,
      draftIsLive: false,
    });
    expect(changed(loaded)).toBe(true);
    const published = run(loaded, { type: "published", version: 2 });
    expect(published.liveVersion).toBe(2);
    expect(changed(published)).toBe(false);
  });

  it("is worded one way in the header", () => {
    expect(draftStateLabel({ liveVersion: null, draftChanged: true, deleted: false })).toBe(
      "Draft · not published",
    );
    expect(draftStateLabel({ liveVersion: 1, draftChanged: true, deleted: false })).toBe(
      "Draft changes · version 1 live",
    );
    expect(draftStateLabel({ liveVersion: 3, draftChanged: false, deleted: false })).toBe(
      "No draft changes · version 3 live",
    );
    expect(draftStateLabel({ liveVersion: 3, draftChanged: false, deleted: true })).toBe(
      "Deleted · version 3 published",
    );
  });
});
