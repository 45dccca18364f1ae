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
 * in the free middle of the view. Collapsed, it shows the icons only; each keeps its name for screen readers and as
 * its tooltip.
 */
export function BuilderPalette({
  disabled,
  collapsed,
  onToggle,
  onAdd,
}: {
  disabled: boolean;
  collapsed: boolean;
  onToggle(): void;
  onAdd(type: NodeType): void;
}) {
  function onDragStart(event: DragEvent<HTMLButtonElement>, type: NodeType) {
    event.dataTransfer.setData(PALETTE_MIME, type);
    event.dataTransfer.effectAllowed = "move";
  }
  return (
    <nav
      aria-label="Node palette"
      className={`flex h-full shrink-0 flex-col overflow-x-hidden overflow-y-auto border-r border-zinc-200 bg-white ${collapsed ? "w-12 gap-2 p-1.5" : "w-44 gap-3 p-3"}`}
      data-testid="builder-palette"
      data-collapsed={collapsed ? "true" : "false"}
    >
      <button
        type="button"
        onClick={onToggle}
        aria-expanded={!collapsed}
        aria-label={collapsed ? "Show node names" : "Show icons only"}
        title={collapsed ? "Show node names" : "Show icons only"}
        className={`inline-flex h-7 shrink-0 items-center rounded-md text-xs text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-brand-600 ${collapsed ? "w-9 justify-center" : "-mt-1 w-full justify-end gap-1 px-1.5"}`}
        data-testid="palette-toggle"
      >
        {collapsed ? null : <span>Icons only</span>}
        <span aria-hidden>{collapsed ? "»" : "«"}</span>
      </button>
      {GROUPS.map(({ group, title }) => (
        <section key={group} aria-labelledby={`palette-${group}`}>
          <h2
            id={`palette-${group}`}
            className={
              collapsed
                ? "sr-only"
                : "mb-1.5 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase"
            }
          >
            {title}
          </h2>
          <ul className={collapsed ? "space-y-1 border-t border-zinc-100 pt-2" : "space-y-1"}>
            {NODE_TYPES.filter((type) => NODE_DEFINITIONS[type].group === group).map((type) => {
              const { label, description, icon } = NODE_DEFINITIONS[type];
              return (
                <li key={type}>
                  <button
                    type="button"
                    draggable={!disabled}
                    disabled={disabled}
                    onDragStart={(event) => onDragStart(event, type)}
                    onClick={() => onAdd(type)}
                    title={collapsed ? `${label}: ${description}` : description}
                    className={`flex cursor-grab items-center rounded-md border text-left text-sm text-zinc-800 shadow-xs hover:shadow-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600 active:cursor-grabbing disabled:cursor-not-allowed disabled:opacity-50 ${collapsed ? "h-9 w-9 justify-center" : "w-full gap-2 px-2 py-1.5"} ${GROUP_STYLE[group].card}`}
                    data-testid={`palette-${type}`}
                  >
                    <span
                      className={`inline-flex h-5 w-5 shrink-0 items-center justify-center rounded text-[11px] ${GROUP_STYLE[group].badge}`}
                      aria-hidden
                    >
                      {icon}
                    </span>
                    <span className={collapsed ? "sr-only" : "truncate"}>{label}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {collapsed ? null : (
        <p className="mt-auto text-xs text-zinc-500">
          Drag onto the canvas, or press to add in the middle.
        </p>
      )}
    </nav>
  );
}
