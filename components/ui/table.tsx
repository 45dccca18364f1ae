import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "./cn";

/**
 * Tables fit their container instead of scrolling sideways: a column that is not needed to tell rows apart is given
 * `hideBelow`, and hides when the table's container (not the window: the sidebar may be collapsed) is narrower than
 * that size; what it shows is repeated in the row's first cell with <Folded below="…">, which shows exactly while the
 * column is hidden. Row actions go in <RowActions> (components/ui/row-actions.tsx), which takes one narrow column.
 *
 *   sm: the container is at least 36rem (576 px)   md: 48rem (768 px)   lg: 56rem (896 px)   xl: 64rem (1024 px)
 *
 * At 1280 px with the sidebar open an admin card is about 960 px wide: `lg` columns show, `xl` ones fold.
 */
export type ColumnBreakpoint = "sm" | "md" | "lg" | "xl";

/** Classes of a column that shows only from `breakpoint` up (literal, for Tailwind to find). */
export const COLUMN_CLASSES: Record<ColumnBreakpoint, string> = {
  sm: "hidden @xl:table-cell",
  md: "hidden @3xl:table-cell",
  lg: "hidden @4xl:table-cell",
  xl: "hidden @5xl:table-cell",
};

/** Classes of a column's folded copy: shown exactly while the column is hidden. */
export const FOLDED_CLASSES: Record<ColumnBreakpoint, string> = {
  sm: "@xl:hidden",
  md: "@3xl:hidden",
  lg: "@4xl:hidden",
  xl: "@5xl:hidden",
};

export function columnClasses(hideBelow: ColumnBreakpoint | undefined): string | undefined {
  return hideBelow ? COLUMN_CLASSES[hideBelow] : undefined;
}

export function Table({ className, ...props }: HTMLAttributes<HTMLTableElement>) {
  return (
    <div className="@container overflow-x-auto">
      <table className={cn("w-full border-collapse text-left text-sm", className)} {...props} />
    </div>
  );
}

export function THead(props: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className="border-b border-zinc-200 bg-zinc-50/80" {...props} />;
}

export function TBody(props: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className="divide-y divide-zinc-100" {...props} />;
}

export function Tr({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cn("align-middle", className)} {...props} />;
}

export function Th({
  className,
  hideBelow,
  ...props
}: ThHTMLAttributes<HTMLTableCellElement> & { hideBelow?: ColumnBreakpoint }) {
  return (
    <th
      scope="col"
      className={cn(
        "px-4 py-2.5 text-xs font-medium tracking-wide text-zinc-500 uppercase first:pl-5 last:pr-5",
        columnClasses(hideBelow),
        className,
      )}
      {...props}
    />
  );
}

export function Td({
  className,
  hideBelow,
  ...props
}: TdHTMLAttributes<HTMLTableCellElement> & { hideBelow?: ColumnBreakpoint }) {
  return (
    <td
      className={cn(
        // A long word (an email, a code) wraps rather than widening the table past its container.
        "px-4 py-3 text-zinc-700 wrap-anywhere first:pl-5 last:pr-5",
        columnClasses(hideBelow),
        className,
      )}
      {...props}
    />
  );
}

/**
 * A hidden column's content, repeated in another cell (usually the first) while that column is hidden: `label` names
 * it ("Start"), so the folded value still says what it is.
 */
export function Folded({
  below,
  label,
  className,
  children,
}: {
  below: ColumnBreakpoint;
  label?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cn("mt-0.5 text-xs text-zinc-500", FOLDED_CLASSES[below], className)}>
      {label ? <span className="text-zinc-400">{label} </span> : null}
      {children}
    </div>
  );
}
