import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { ContentAccessBadges, SubscriptionStateBadge } from "@/components/billing/badges";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/components/ui/format";
import type { SubscriptionListRow } from "@/lib/subscriptions/list-subscriptions";

export async function MySubscriptions({ rows }: { rows: SubscriptionListRow[] }) {
  const [t, locale, timeZone] = await Promise.all([
    getTranslations("MySubscriptions"),
    getLocale(),
    getTimeZone(),
  ]);
  return (
    <Card data-testid="my-subscriptions">
      <CardHeader title={t("title")} description={t("description")} />
      {rows.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyText")} />
      ) : (
        <ul className="divide-y divide-zinc-100">
          {rows.map((row) => (
            <li
              key={row.id}
              className="flex items-center justify-between gap-4 px-5 py-4"
              data-testid="my-subscription"
            >
              <div className="min-w-0">
                <p className="font-medium text-zinc-900" data-testid="my-subscription-name">
                  {row.typeName}
                </p>
                <p className="mt-0.5 text-sm text-zinc-500">
                  {formatDate(row.startAt, locale, timeZone)} –{" "}
                  {formatDate(row.endAt, locale, timeZone)}
                </p>
              </div>
              <div className="flex shrink-0 items-center gap-3">
                <ContentAccessBadges codes={row.contentAccess} />
                <SubscriptionStateBadge state={row.state} label={t(`state.${row.state}`)} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
