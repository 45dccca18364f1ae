import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { ContentAccessBadges } from "@/components/billing/badges";
import { Card } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import type { UpgradeBase } from "@/lib/upgrades/offer-types";

/** The running subscription an upgrade starts from. */
export async function UpgradeBaseSummary({ base }: { base: UpgradeBase }) {
  const [t, locale, timeZone] = await Promise.all([
    getTranslations("Upgrade"),
    getLocale(),
    getTimeZone(),
  ]);
  return (
    <Card
      className="flex flex-wrap items-center justify-between gap-4 px-5 py-4"
      data-testid="upgrade-base"
    >
      <div className="min-w-0">
        <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase">
          {t("base.label")}
        </p>
        <p className="mt-0.5 font-medium text-zinc-900">{base.typeName}</p>
        <p className="text-sm text-zinc-500">
          {formatDate(base.startAt, locale, timeZone)} – {formatDate(base.endAt, locale, timeZone)}
          {base.recurrentPaymentId !== null ? ` · ${t("base.renews")}` : ""}
        </p>
      </div>
      <ContentAccessBadges codes={base.contentAccess} />
    </Card>
  );
}
