import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";

/** A GET form of list filters: submitting reloads the list with the filters in the URL (page resets to 1). */
export function FilterBar({
  children,
  clearHref,
  active,
  testId = "filters",
  applyTestId,
}: {
  children: ReactNode;
  clearHref: string;
  active: boolean;
  /** The form's test id; `applyTestId` is the Filter button's. */
  testId?: string;
  applyTestId?: string;
}) {
  return (
    <form
      method="get"
      className="flex flex-wrap items-end gap-3 border-b border-zinc-200 px-5 py-3"
      data-testid={testId}
    >
      {children}
      <button type="submit" className={buttonClasses("secondary")} data-testid={applyTestId}>
        Filter
      </button>
      {active ? (
        <Link href={clearHref} className={buttonClasses("ghost")}>
          Clear
        </Link>
      ) : null}
    </form>
  );
}

export function FilterField({
  label,
  htmlFor,
  children,
}: {
  label: string;
  htmlFor: string;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={htmlFor} className="block text-xs font-medium text-zinc-500">
        {label}
      </label>
      {children}
    </div>
  );
}
