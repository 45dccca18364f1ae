import type { ReactNode } from "react";

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
      className="flex flex-col items-center justify-center px-6 py-12 text-center"
      data-testid="empty-state"
    >
      <div
        className="mb-3 flex size-10 items-center justify-center rounded-full bg-zinc-100 text-zinc-400"
        aria-hidden
      >
        <svg viewBox="0 0 20 20" fill="currentColor" className="size-5">
          <path d="M3 4.75A1.75 1.75 0 0 1 4.75 3h10.5A1.75 1.75 0 0 1 17 4.75v10.5A1.75 1.75 0 0 1 15.25 17H4.75A1.75 1.75 0 0 1 3 15.25V4.75Zm1.5 6.75v3.75c0 .138.112.25.25.25h10.5a.25.25 0 0 0 .25-.25V11.5h-3.09a2.5 2.5 0 0 1-4.82 0H4.5Z" />
        </svg>
      </div>
      <p className="text-sm font-medium text-zinc-900">{title}</p>
      {description ? <p className="mt-1 max-w-sm text-sm text-zinc-500">{description}</p> : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}
