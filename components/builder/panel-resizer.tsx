"use client";

import { useState } from "react";
import { PANEL_WIDTH } from "./use-builder-room";

/** The panel's left edge: drag it, or focus it and press the arrow keys, to make the panel wider or narrower. */
export function PanelResizer({
  width,
  onResize,
}: {
  width: number;
  onResize(width: number): void;
}) {
  const [drag, setDrag] = useState<{
    pointerId: number;
    startX: number;
    startWidth: number;
  } | null>(null);
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label="Panel width"
      aria-valuenow={width}
      aria-valuemin={PANEL_WIDTH.min}
      aria-valuemax={PANEL_WIDTH.max}
      tabIndex={0}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        setDrag({ pointerId: event.pointerId, startX: event.clientX, startWidth: width });
      }}
      onPointerMove={(event) => {
        if (drag?.pointerId === event.pointerId)
          onResize(drag.startWidth + drag.startX - event.clientX);
      }}
      onPointerUp={() => setDrag(null)}
      onPointerCancel={() => setDrag(null)}
      onKeyDown={(event) => {
        const step = event.shiftKey ? 64 : 16;
        if (event.key === "ArrowLeft") onResize(width + step);
        else if (event.key === "ArrowRight") onResize(width - step);
        else return;
        event.preventDefault();
      }}
      className={`absolute inset-y-0 -left-1 z-10 w-2 cursor-col-resize touch-none hover:bg-brand-600/30 focus-visible:bg-brand-600/40 focus-visible:outline-none ${drag ? "bg-brand-600/40" : ""}`}
      data-testid="panel-resizer"
    />
  );
}
