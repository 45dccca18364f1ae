import Link from "next/link";
import { buttonClasses } from "./button";
import { cn } from "./cn";

/** Page links for a limit/offset list; `hrefFor(page)` keeps the current filters. */
export function Pagination({
  page,
  pageSize,
  total,
  hrefFor,
}: {
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const windowStart = Math.max(1, Math.min(page - 2, pages - 4));
  const numbers = Array.from({ length: Math.min(5, pages) }, (_, i) => windowStart + i);
  return (
    <nav
      aria-label="Pagination"
      className="flex items-center justify-between gap-4 border-t border-zinc-200 px-5 py-3 text-sm"
      data-testid="pagination"
    >
      <p className="text-zinc-500">{total === 0 ? "No results" : `${first}–${last} of ${total}`}</p>
      <div className="flex items-center gap-1">
        <PageLink href={hrefFor(page - 1)} disabled={page <= 1} label="Previous" />
        {numbers.map((n) => (
          <Link
            key={n}
            href={hrefFor(n)}
            aria-current={n === page ? "page" : undefined}
            className={cn(buttonClasses(n === page ? "primary" : "ghost", "sm"), "min-w-8")}
          >
            {n}
          </Link>
        ))}
        <PageLink href={hrefFor(page + 1)} disabled={page >= pages} label="Next" />
      </div>
    </nav>
  );
}

function PageLink({ href, disabled, label }: { href: string; disabled: boolean; label: string }) {
  if (disabled) {
    return (
      <span
        aria-disabled
        className={cn(buttonClasses("ghost", "sm"), "pointer-events-none opacity-40")}
      >
        {label}
      </span>
    );
  }
  return (
    <Link href={href} className={buttonClasses("ghost", "sm")}>
      {label}
    </Link>
  );
}
