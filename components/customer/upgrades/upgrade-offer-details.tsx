import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/components/ui/format";
import type { Locale } from "@/lib/i18n/locales";
import { formatMoney } from "@/lib/money";
import type { UpgradeOffer } from "@/lib/upgrades/offer-types";
import { RECURRENT_UPGRADE_METHODS } from "./upgrade-text";

/** "Free" (in the page's language), or the amount. */
export function formatCharge(cents: number, locale: Locale, free: string): string {
  return cents === 0 ? free : formatMoney(cents, locale);
}

/**
 * What one upgrade offer gives and costs, in plain words: the content gained, the price now, the credit for the days
 * left, the dates, and the renewal. Shared by the offers list and the confirmation step.
 */
export async function UpgradeOfferDetails({
  offer,
  contentNames,
}: {
  offer: UpgradeOffer;
  contentNames: Record<string, string>;
}) {
  const [t, locale, timeZone] = await Promise.all([
    getTranslations("Upgrade"),
    getLocale(),
    getTimeZone(),
  ]);
  const date = (value: Date) => formatDate(value, locale, timeZone);
  const recurrent = RECURRENT_UPGRADE_METHODS.has(offer.type) && offer.recurrentPriceCents !== null;
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm font-medium text-zinc-900">{t(`method.title.${offer.type}`)}</p>
        <p className="mt-0.5 text-sm text-zinc-500">{t(`method.explanation.${offer.type}`)}</p>
      </div>
      <div
        className="flex flex-wrap items-center gap-1.5 text-sm text-zinc-700"
        data-testid="upgrade-gained"
      >
        <span>{t("offer.adds")}</span>
        {offer.gainedContent.map((code) => (
          <Badge key={code} tone="violet">
            {contentNames[code] ?? code}
          </Badge>
        ))}
      </div>
      <dl className="space-y-2 text-sm">
        <div className="flex justify-between gap-4">
          <dt className="text-zinc-500">
            {offer.type === "paid_extend" ? t("offer.payAtCheckout") : t("offer.payNow")}
          </dt>
          <dd
            className="font-semibold whitespace-nowrap text-zinc-900 tabular-nums"
            data-testid="upgrade-charge"
          >
            {formatCharge(offer.chargeCents, locale, t("offer.free"))}
          </dd>
        </div>
        {offer.creditCents > 0 ? (
          <div className="flex justify-between gap-4">
            {/* Paid methods: the credit is already taken off what you pay. Short: it is what buys the new days. */}
            <dt className="text-zinc-500">
              {offer.type === "short" ? t("offer.creditShort") : t("offer.creditDeducted")}
            </dt>
            <dd
              className="whitespace-nowrap text-zinc-900 tabular-nums"
              data-testid="upgrade-credit"
            >
              {offer.type === "short"
                ? formatMoney(offer.creditCents, locale)
                : `−${formatMoney(offer.creditCents, locale)}`}
            </dd>
          </div>
        ) : null}
      </dl>
      <ul className="space-y-1 text-sm text-zinc-700">
        <li data-testid="upgrade-dates">
          {t("offer.dates", {
            baseEnd: date(offer.baseEndsAt),
            start: date(offer.startAt),
            end: date(offer.endAt),
          })}
        </li>
        {recurrent ? (
          <li data-testid="upgrade-renewal">
            {t("offer.renewal", {
              amount: formatMoney(offer.recurrentPriceCents ?? 0, locale),
              days: offer.target.lengthDays,
            })}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
