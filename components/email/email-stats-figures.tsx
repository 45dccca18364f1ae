import { SKIP_REASONS } from "@/lib/email/consent/decide-delivery";
import { type EmailStats, percentOf, SKIP_REASON_LABELS } from "@/lib/email/stats/email-stats";
import { cn } from "@/components/ui/cn";

const number = new Intl.NumberFormat("en-US");

/**
 * What emails did, as figures: sent (with delivered, bounced), opened and clicked with their rate of the tracked
 * emails, unsubscribed, and the skipped ones by reason. `narrow` lays them out for the builder's side panel.
 */
export function EmailStatsFigures({
  stats,
  narrow = false,
  testId,
}: {
  stats: EmailStats;
  narrow?: boolean;
  testId?: string;
}) {
  const rate = (count: number) => {
    const percent = percentOf(count, stats.tracked);
    return percent === null ? "not tracked" : `${percent}\u00a0% of tracked`;
  };
  const figures: { key: string; label: string; value: number; note?: string }[] = [
    {
      key: "sent",
      label: "Sent",
      value: stats.sent,
      note: stats.failed > 0 ? `${number.format(stats.failed)} failed` : undefined,
    },
    {
      key: "delivered",
      label: "Delivered",
      value: stats.delivered,
      note: stats.sent > 0 ? `${percentOf(stats.delivered, stats.sent)}\u00a0%` : undefined,
    },
    { key: "opened", label: "Opened", value: stats.opened, note: rate(stats.opened) },
    { key: "clicked", label: "Clicked", value: stats.clicked, note: rate(stats.clicked) },
    { key: "unsubscribed", label: "Unsubscribed", value: stats.unsubscribed },
    {
      key: "bounced",
      label: "Bounced",
      value: stats.bounced,
      note: stats.complained > 0 ? `${number.format(stats.complained)} spam reports` : undefined,
    },
  ];
  const reasons = SKIP_REASONS.filter((reason) => stats.skippedByReason[reason] > 0);
  return (
    <div data-testid={testId}>
      <dl
        className={cn(
          "grid gap-2",
          narrow ? "grid-cols-2" : "grid-cols-2 sm:grid-cols-3 lg:grid-cols-7",
        )}
      >
        {figures.map((figure) => (
          <div
            key={figure.key}
            className="rounded-md border border-zinc-200 bg-zinc-50/60 px-3 py-2"
            data-testid={`email-stat-${figure.key}`}
          >
            <dt className="text-xs text-zinc-500">{figure.label}</dt>
            <dd className="text-lg font-semibold text-zinc-900 tabular-nums">
              {number.format(figure.value)}
            </dd>
            {figure.note ? (
              <dd className="truncate text-[11px] text-zinc-500" title={figure.note}>
                {figure.note}
              </dd>
            ) : null}
          </div>
        ))}
        <div
          className={cn(
            "rounded-md border border-zinc-200 bg-zinc-50/60 px-3 py-2",
            narrow ? "col-span-2" : "col-span-2 sm:col-span-3 lg:col-span-1",
          )}
          data-testid="email-stat-skipped"
        >
          <dt className="text-xs text-zinc-500">Skipped</dt>
          <dd className="text-lg font-semibold text-zinc-900 tabular-nums">
            {number.format(stats.skipped)}
          </dd>
          {reasons.length > 0 ? (
            <dd>
              <ul className="text-[11px] text-zinc-600">
                {reasons.map((reason) => (
                  <li
                    key={reason}
                    className="flex justify-between gap-2"
                    data-testid={`email-skip-${reason}`}
                  >
                    <span className="truncate">{SKIP_REASON_LABELS[reason]}</span>
                    <span className="tabular-nums">
                      {number.format(stats.skippedByReason[reason])}
                    </span>
                  </li>
                ))}
              </ul>
            </dd>
          ) : null}
        </div>
      </dl>
    </div>
  );
}
