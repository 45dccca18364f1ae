"use client";

import { useCallback } from "react";
import { BuilderContextMenu, type MenuItem } from "./builder-context-menu";
import type { BuilderAction } from "./store/builder-actions";
import type { BuilderState } from "./store/builder-state";
import { type BuilderView, useBuilderStore } from "./store/builder-store";

/** The right-click menu of the canvas, with what can be done to the node, the connection or the canvas clicked. */
export function CanvasContextMenu() {
  const { state, view, dispatch } = useBuilderStore();
  const close = useCallback(() => dispatch({ type: "closeMenu" }), [dispatch]);
  if (!state.menu) return null;
  return (
    <BuilderContextMenu
      at={state.menu.at}
      items={menuItems(state.menu.target, state, view, dispatch)}
      onClose={close}
    />
  );
}

function menuItems(
  target: NonNullable<BuilderState["menu"]>["target"],
  state: BuilderState,
  view: BuilderView,
  dispatch: (action: BuilderAction) => void,
): MenuItem[] {
  const { selection, readOnly } = view;
  if (target.kind === "node") {
    const ids = selection.nodes.has(target.id) ? [...selection.nodes] : [target.id];
    return [
      { label: "Edit", onSelect: () => dispatch({ type: "focusNode", nodeId: target.id }) },
      {
        label: "Copy",
        shortcut: "Ctrl C",
        onSelect: () => dispatch({ type: "copy" }),
        disabled: !selection.nodes.has(target.id),
      },
      {
        label: "Duplicate",
        shortcut: "Ctrl D",
        onSelect: () => dispatch({ type: "duplicate" }),
        disabled: readOnly,
      },
      {
        label: ids.length > 1 ? `Delete ${ids.length} nodes` : "Delete",
        shortcut: "Del",
        danger: true,
        disabled: readOnly,
        onSelect: () => dispatch({ type: "remove", nodeIds: ids, edgeIds: [] }),
      },
    ];
  }
  if (target.kind === "edge") {
    return [
      {
        label: "Delete connection",
        shortcut: "Del",
        danger: true,
        disabled: readOnly,
        onSelect: () => dispatch({ type: "remove", nodeIds: [], edgeIds: [target.id] }),
      },
    ];
  }
  return [
    {
      label: "Paste",
      shortcut: "Ctrl V",
      onSelect: () => dispatch({ type: "paste" }),
      disabled: readOnly || !state.clipboard,
    },
    { label: "Select all", shortcut: "Ctrl A", onSelect: () => dispatch({ type: "selectAll" }) },
    { label: "Auto-layout", onSelect: () => dispatch({ type: "autoLayout" }), disabled: readOnly },
    { label: "Fit view", shortcut: "F", onSelect: () => dispatch({ type: "fitView" }) },
  ];
}
