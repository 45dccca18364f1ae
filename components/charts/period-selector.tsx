import Link from "next/link";
import type { SearchParams } from "@/components/admin/search-params";
import { cn } from "@/components/ui/cn";
import { CHART_PERIODS, DEFAULT_CHART_PERIOD, type ChartPeriod } from "@/lib/charts/chart-period";

/** 30 / 90 / 365 days, as links that set `?period=` on the page and keep its other parameters (tab, filters, page). */
export function PeriodSelector({
  path,
  params,
  current,
}: {
  path: string;
  params: SearchParams;
  current: ChartPeriod;
}) {
  const hrefFor = (period: ChartPeriod) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      const first = Array.isArray(value) ? value[0] : value;
      if (key !== "period" && first !== undefined && first !== "") query.set(key, first);
    }
    if (period !== DEFAULT_CHART_PERIOD) query.set("period", String(period));
    const text = query.toString();
    return text ? `${path}?${text}` : path;
  };
  return (
    <nav
      aria-label="Period"
      className="inline-flex rounded-md border border-zinc-200 bg-white p-0.5 text-xs font-medium shadow-xs"
      data-testid="period-selector"
    >
      {CHART_PERIODS.map((period) => (
        <Link
          key={period}
          href={hrefFor(period)}
          scroll={false}
          aria-current={period === current ? "page" : undefined}
          className={cn(
            "rounded px-2.5 py-1 tabular-nums",
            period === current
              ? "bg-brand-600 text-white"
              : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900",
          )}
          data-testid={`period-${period}`}
        >
          {period} days
        </Link>
      ))}
    </nav>
  );
}
