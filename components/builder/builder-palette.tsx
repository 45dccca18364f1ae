"use client";

import type { DragEvent } from "react";
import type { NodeGroup } from "@/lib/scenarios/nodes/define-node";
import { NODE_DEFINITIONS, NODE_TYPES, type NodeType } from "@/lib/scenarios/nodes/definitions";
import { GROUP_STYLE } from "./scenario-flow-node";

/** The drag payload's type: the canvas accepts only drops that carry it. */
export const PALETTE_MIME = "application/x-subflow-node";

const GROUPS: { group: NodeGroup; title: string }[] = [
  { group: "trigger", title: "Triggers" },
  { group: "condition", title: "Conditions" },
  { group: "action", title: "Actions" },
  { group: "operation", title: "Operations" },
];

/**
 * Node types grouped as the issue names them. Drag one onto the canvas, or press it (mouse or keyboard) to add it
 * in the middle of the view.
 */
export function BuilderPalette({
  disabled,
  onAdd,
}: {
  disabled: boolean;
  onAdd(type: NodeType): void;
}) {
  function onDragStart(event: DragEvent<HTMLButtonElement>, type: NodeType) {
    event.dataTransfer.setData(PALETTE_MIME, type);
    event.dataTransfer.effectAllowed = "move";
  }
  return (
    <nav
      aria-label="Node palette"
      className="flex h-full w-44 shrink-0 flex-col gap-3 overflow-y-auto border-r border-zinc-200 bg-white p-3"
      data-testid="builder-palette"
    >
      {GROUPS.map(({ group, title }) => (
        <section key={group} aria-labelledby={`palette-${group}`}>
          <h2
            id={`palette-${group}`}
            className="mb-1.5 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase"
          >
            {title}
          </h2>
          <ul className="space-y-1">
            {NODE_TYPES.filter((type) => NODE_DEFINITIONS[type].group === group).map((type) => (
              <li key={type}>
                <button
                  type="button"
                  draggable={!disabled}
                  disabled={disabled}
                  onDragStart={(event) => onDragStart(event, type)}
                  onClick={() => onAdd(type)}
                  title={NODE_DEFINITIONS[type].description}
                  className={`flex w-full cursor-grab items-center gap-2 rounded-md border px-2 py-1.5 text-left text-sm text-zinc-800 shadow-xs hover:shadow-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600 active:cursor-grabbing disabled:cursor-not-allowed disabled:opacity-50 ${GROUP_STYLE[group].card}`}
                  data-testid={`palette-${type}`}
                >
                  <span
                    className={`inline-flex h-5 w-5 shrink-0 items-center justify-center rounded text-[11px] ${GROUP_STYLE[group].badge}`}
                    aria-hidden
                  >
                    {NODE_DEFINITIONS[type].icon}
                  </span>
                  {NODE_DEFINITIONS[type].label}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p className="mt-auto text-xs text-zinc-500">
        Drag onto the canvas, or press to add in the middle.
      </p>
    </nav>
  );
}
