"use client";

import { useEffect } from "react";
import { useBuilderStore } from "./store/builder-store";

/** How long a notice stays over the canvas. */
const SHOWN_MS = 5000;

/**
 * The last thing done that the author may want confirmed ("Published version 2.", "Copied 3 nodes."), over the top of
 * the canvas for a few seconds: out of the header, which has no room to spare.
 */
export function BuilderNotice() {
  const { state, dispatch } = useBuilderStore();
  const { notice } = state;
  useEffect(() => {
    if (notice === null) return;
    const timer = setTimeout(() => dispatch({ type: "clearNotice" }), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice, dispatch]);
  if (notice === null) return null;
  return (
    <p
      role="status"
      className="pointer-events-none absolute top-14 left-1/2 z-10 max-w-[calc(100%-2rem)] -translate-x-1/2 truncate rounded-md border border-emerald-200 bg-emerald-50 px-3 py-1.5 text-sm text-emerald-800 shadow"
      data-testid="builder-notice"
    >
      {notice}
    </p>
  );
}
