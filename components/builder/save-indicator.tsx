"use client";

import type { SaveStatus } from "./use-autosave";

const LABEL: Record<SaveStatus, string> = {
  saved: "All changes saved",
  unsaved: "Unsaved changes",
  saving: "Saving…",
  error: "Not saved",
};

const TONE: Record<SaveStatus, string> = {
  saved: "text-zinc-500",
  unsaved: "text-amber-700",
  saving: "text-zinc-600",
  error: "text-red-700",
};

/**
 * Whether the draft is saved; fixed width so the header does not shift as the text changes, and only the coloured dot
 * (its words for screen readers and as its tooltip) once the header is narrow.
 */
export function SaveIndicator({
  status,
  message,
  onRetry,
}: {
  status: SaveStatus;
  message: string | null;
  onRetry(): void;
}) {
  return (
    <span
      role="status"
      aria-live="polite"
      className={`inline-flex w-32 shrink-0 items-center gap-1.5 text-xs @max-3xl:w-auto ${TONE[status]}`}
      data-testid="save-status"
      data-status={status}
    >
      <span
        className={`h-1.5 w-1.5 rounded-full ${status === "saved" ? "bg-emerald-500" : status === "error" ? "bg-red-500" : "bg-amber-500"}`}
        aria-hidden
      />
      <span title={message ?? LABEL[status]} className="whitespace-nowrap @max-3xl:sr-only">
        {LABEL[status]}
      </span>
      {status === "error" ? (
        <button type="button" onClick={onRetry} className="font-medium underline">
          Retry
        </button>
      ) : null}
    </span>
  );
}
