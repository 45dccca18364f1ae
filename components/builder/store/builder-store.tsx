"use client";

import {
  createContext,
  type Dispatch,
  type ReactNode,
  use,
  useEffect,
  useMemo,
  useReducer,
} from "react";
import type { GraphErrorView } from "@/lib/scenarios/scenario-view-types";
import type { CanvasSelection } from "@/components/builder/builder-canvas";
import type { GraphNode, ScenarioGraph } from "@/lib/scenarios/graph";
import {
  errorsByNode,
  isReadOnly,
  selectedNode,
  shownGraph,
  visibleSelection,
} from "./builder-selectors";
import type { BuilderAction } from "./builder-actions";
import { builderReducer, type BuilderState, createBuilderState } from "./builder-state";

/** What the parts of the builder read, derived once per change so the canvas gets the same objects while they hold. */
export interface BuilderView {
  /** The graph on the canvas: the draft, a version or a run's graph. */
  graph: ScenarioGraph;
  readOnly: boolean;
  selection: CanvasSelection;
  selectedNode: GraphNode | null;
  errorsByNode: ReadonlyMap<string, string[]>;
}

export interface BuilderStore {
  state: BuilderState;
  view: BuilderView;
  dispatch: Dispatch<BuilderAction>;
}

const BuilderStoreContext = createContext<BuilderStore | null>(null);

/** The builder's one store: its state, the view derived from it, and `dispatch` for every change. */
export function BuilderStoreProvider({
  draft,
  draftErrors,
  deleted,
  liveVersion,
  draftIsLive,
  children,
}: {
  draft: ScenarioGraph;
  draftErrors: GraphErrorView[];
  deleted: boolean;
  liveVersion: number | null;
  draftIsLive: boolean;
  children: ReactNode;
}) {
  const [state, dispatch] = useReducer(
    builderReducer,
    { draft, draftErrors, deleted, liveVersion, draftIsLive },
    createBuilderState,
  );

  // Deleting or restoring the scenario refreshes the page with the new status; the open draft and its history stay.
  useEffect(() => {
    dispatch({ type: "setDeleted", deleted });
  }, [deleted]);

  const { chosen, history, viewing, inspected, errors, showErrors } = state;
  const graph = shownGraph({ history, viewing, inspected });
  const readOnly = isReadOnly({ deleted: state.deleted, viewing, inspected });
  const selection = useMemo(
    () => visibleSelection({ chosen, history, viewing, inspected }),
    [chosen, history, viewing, inspected],
  );
  const nodeErrors = useMemo(
    () => errorsByNode({ errors, showErrors, deleted: state.deleted, viewing, inspected }),
    [errors, showErrors, state.deleted, viewing, inspected],
  );
  const store = useMemo(
    (): BuilderStore => ({
      state,
      dispatch,
      view: {
        graph,
        readOnly,
        selection,
        selectedNode: selectedNode(graph, selection),
        errorsByNode: nodeErrors,
      },
    }),
    [state, graph, readOnly, selection, nodeErrors],
  );
  return <BuilderStoreContext value={store}>{children}</BuilderStoreContext>;
}

export function useBuilderStore(): BuilderStore {
  const store = use(BuilderStoreContext);
  if (!store) throw new Error("useBuilderStore is used outside BuilderStoreProvider.");
  return store;
}
