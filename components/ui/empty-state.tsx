import type { ReactNode } from "react";

/**
 * What a list or card shows when it has nothing to show: a small drawing (inline SVG in the theme's colours, hidden
 * from screen readers — the title says it), a title, and optionally a line of help and an action. The drawing is part
 * of the markup, so it never loads, never fails to load and never looks like a missing image.
 */
export function EmptyState({
  title,
  description,
  action,
}: {
  title: string;
  description?: string;
  action?: ReactNode;
}) {
  return (
    <div
      className="flex flex-col items-center justify-center px-6 py-10 text-center"
      data-testid="empty-state"
    >
      <EmptyIllustration />
      <p className="text-sm font-medium text-zinc-900">{title}</p>
      {description ? <p className="mt-1 max-w-sm text-sm text-zinc-500">{description}</p> : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}

/** An open, empty tray with a sheet hovering above it: "nothing here yet", drawn in brand tints. */
function EmptyIllustration() {
  return (
    <svg
      viewBox="0 0 120 84"
      className="mb-3 h-20 w-28"
      fill="none"
      aria-hidden
      focusable="false"
      data-testid="empty-state-illustration"
    >
      <ellipse cx="60" cy="76" rx="40" ry="5" className="fill-zinc-200/70" />
      {/* A sheet of paper, lifted out of the tray. */}
      <g transform="rotate(-6 60 30)">
        <rect
          x="38"
          y="8"
          width="44"
          height="40"
          rx="5"
          className="fill-white stroke-zinc-300"
          strokeWidth="2"
        />
        <rect x="46" y="18" width="22" height="4" rx="2" className="fill-brand-500/40" />
        <rect x="46" y="27" width="28" height="4" rx="2" className="fill-zinc-200" />
        <rect x="46" y="36" width="16" height="4" rx="2" className="fill-zinc-200" />
      </g>
      {/* The tray: back, then the front with its notch. */}
      <path
        d="M22 46h76l-6-12H28l-6 12Z"
        className="fill-brand-100 stroke-brand-500/40"
        strokeWidth="2"
        strokeLinejoin="round"
      />
      <path
        d="M22 46h22a4 4 0 0 1 4 4 4 4 0 0 0 4 4h16a4 4 0 0 0 4-4 4 4 0 0 1 4-4h22v20a6 6 0 0 1-6 6H28a6 6 0 0 1-6-6V46Z"
        className="fill-white stroke-brand-500/70"
        strokeWidth="2"
        strokeLinejoin="round"
      />
      {/* A little sparkle: empty, not broken. */}
      <path
        d="M98 14v8M94 18h8"
        className="stroke-brand-500/70"
        strokeWidth="2"
        strokeLinecap="round"
      />
      <circle cx="20" cy="24" r="2.5" className="fill-brand-500/30" />
    </svg>
  );
}
