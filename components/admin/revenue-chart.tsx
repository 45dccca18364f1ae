import { addDays } from "date-fns";
import { formatDate } from "@/components/ui/format";
import { formatMoney } from "@/lib/money";

/** Paid revenue per UTC day as bars (plain SVG: no chart library for one chart). Days without payments are zero. */
export function RevenueChart({
  days,
  since,
  until,
}: {
  days: { day: string; revenueCents: number }[];
  since: Date;
  until: Date;
}) {
  const byDay = new Map(days.map((d) => [d.day, d.revenueCents]));
  const series: { day: string; revenueCents: number }[] = [];
  for (let at = since; at <= until; at = addDays(at, 1)) {
    const key = at.toISOString().slice(0, 10);
    series.push({ day: key, revenueCents: byDay.get(key) ?? 0 });
  }
  const max = Math.max(1, ...series.map((d) => d.revenueCents));
  const width = 720;
  const height = 160;
  const gap = 3;
  const barWidth = width / series.length - gap;
  return (
    <figure data-testid="revenue-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-40 w-full"
        role="img"
        aria-label="Paid revenue per day, last 30 days"
      >
        <line x1="0" y1={height - 0.5} x2={width} y2={height - 0.5} className="stroke-zinc-200" />
        {series.map((d, i) => {
          const h = d.revenueCents === 0 ? 0 : Math.max(2, (d.revenueCents / max) * (height - 8));
          return (
            <rect
              key={d.day}
              x={i * (barWidth + gap)}
              y={height - h}
              width={barWidth}
              height={h}
              rx="2"
              className="fill-brand-500"
            >
              <title>{`${d.day}: ${formatMoney(d.revenueCents)}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="mt-2 flex justify-between text-xs text-zinc-500">
        <span>{formatDate(since)}</span>
        <span>Peak day {formatMoney(max === 1 ? 0 : max)}</span>
        <span>{formatDate(until)}</span>
      </figcaption>
    </figure>
  );
}
