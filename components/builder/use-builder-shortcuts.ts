"use client";

import { useEffect, useRef } from "react";

export interface BuilderCommands {
  enabled: boolean;
  undo(): void;
  redo(): void;
  copy(): void;
  paste(): void;
  duplicate(): void;
  selectAll(): void;
  save(): void;
  fitView(): void;
  escape(): void;
  showShortcuts(): void;
  toggleFullScreen(): void;
}

/** The keyboard shortcuts, as the shortcut list shows them. Delete/Backspace are React Flow's own. */
export const SHORTCUTS: { keys: string; does: string }[] = [
  { keys: "Ctrl/⌘ Z", does: "Undo" },
  { keys: "Ctrl/⌘ Shift Z, Ctrl Y", does: "Redo" },
  { keys: "Delete, Backspace", does: "Delete the selected nodes and connections" },
  { keys: "Ctrl/⌘ C", does: "Copy the selected nodes" },
  { keys: "Ctrl/⌘ V", does: "Paste" },
  { keys: "Ctrl/⌘ D", does: "Duplicate the selected nodes" },
  { keys: "Ctrl/⌘ A", does: "Select every node" },
  { keys: "Shift + drag", does: "Select the nodes in a box" },
  { keys: "Ctrl/⌘ + click", does: "Add to or remove from the selection" },
  { keys: "Ctrl/⌘ S", does: "Save the draft now" },
  { keys: "F", does: "Fit the scenario in view" },
  { keys: "Shift F", does: "Full screen, or back" },
  { keys: "Esc", does: "Clear the selection, close a menu" },
  { keys: "?", does: "This list" },
];

/** Keys typed into a field belong to the field. */
function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** Builder shortcuts on the whole page, except while typing in a field or with a dialog open. */
export function useBuilderShortcuts(commands: BuilderCommands) {
  const latest = useRef(commands);
  useEffect(() => {
    latest.current = commands;
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const c = latest.current;
      if (!c.enabled || typingInField(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const run = (command: () => void) => {
        event.preventDefault();
        command();
      };
      if (mod && key === "z") return run(event.shiftKey ? c.redo : c.undo);
      if (mod && key === "y") return run(c.redo);
      if (mod && key === "c") return run(c.copy);
      if (mod && key === "v") return run(c.paste);
      if (mod && key === "d") return run(c.duplicate);
      if (mod && key === "a") return run(c.selectAll);
      if (mod && key === "s") return run(c.save);
      if (mod || event.altKey) return;
      if (key === "f") return run(event.shiftKey ? c.toggleFullScreen : c.fitView);
      if (key === "escape") return run(c.escape);
      if (event.key === "?") return run(c.showShortcuts);
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
