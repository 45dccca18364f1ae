"use client";

import { useReactFlow } from "@xyflow/react";
import type { RefObject } from "react";
import { type Box, placeInFreeArea } from "./place-in-free-area";

type Position = { x: number; y: number };

/** A new node's card as drawn at zoom 1 (`w-60`, a summary line and its ports): enough to keep it clear. */
const CARD = { width: 240, height: 90 };
/** What covers the canvas: React Flow's panels (toolbars, zoom controls, minimap) and anything marked so. */
const COVERS = ".react-flow__panel, [data-covers-canvas]";

/**
 * Where a node placed on the canvas goes, in flow coordinates (its card's top left corner): near the point wanted,
 * but wholly inside the visible canvas and clear of the minimap, the controls, the toolbars and a panel lying over the
 * canvas. `at` is a screen point with `grab` the point of the card held there (flow pixels from its top left), or
 * "middle" for the middle of the canvas; `reserve` keeps room for the shift repeated adds get. Null before the canvas
 * is laid out.
 */
export function useNodePlacement(canvas: RefObject<HTMLElement | null>) {
  const { screenToFlowPosition, getZoom } = useReactFlow();
  return (at: Position | "middle", grab: Position, reserve = 0): Position | null => {
    const element = canvas.current;
    if (!element) return null;
    const area = boxOf(element);
    if (area.width === 0 || area.height === 0) return null;
    const zoom = getZoom();
    const size = { width: (CARD.width + reserve) * zoom, height: (CARD.height + reserve) * zoom };
    const root = element.closest('[data-testid="scenario-builder"]') ?? element;
    const covered = [...root.querySelectorAll(COVERS)]
      .map(boxOf)
      .filter((box) => box.width > 0 && box.height > 0);
    const wanted =
      at === "middle"
        ? {
            x: area.left + area.width / 2 - (CARD.width / 2) * zoom,
            y: area.top + area.height / 2 - (CARD.height / 2) * zoom,
          }
        : { x: at.x - grab.x * zoom, y: at.y - grab.y * zoom };
    return screenToFlowPosition(placeInFreeArea({ wanted, size, area, covered }));
  };
}

function boxOf(element: Element): Box {
  const { left, top, width, height } = element.getBoundingClientRect();
  return { left, top, width, height };
}
