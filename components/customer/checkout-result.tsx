import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/button";
import { formatDate } from "@/components/ui/format";
import { Notice } from "@/components/ui/notice";

interface Purchase {
  subscription: { startAt: Date; endAt: Date };
  typeName: string;
  renewal: { chargeAt: Date } | null;
  replacedRenewalsOf: string[];
}

/** A paid purchase's result: what the customer now has, from when, and whether it renews. */
export async function CheckoutResult({
  purchase,
  startsLater,
}: {
  purchase: Purchase;
  startsLater: boolean;
}) {
  const { subscription, typeName, renewal, replacedRenewalsOf } = purchase;
  const [t, locale, timeZone] = await Promise.all([
    getTranslations("CheckoutResult"),
    getLocale(),
    getTimeZone(),
  ]);
  return (
    <div className="space-y-4" data-testid="checkout-result">
      <Notice tone="success" title={t("title", { name: typeName })}>
        {startsLater
          ? t("startsLater", {
              start: formatDate(subscription.startAt, locale, timeZone),
              end: formatDate(subscription.endAt, locale, timeZone),
            })
          : t("runsFromToday", { end: formatDate(subscription.endAt, locale, timeZone) })}{" "}
        {renewal
          ? t("renews", { date: formatDate(renewal.chargeAt, locale, timeZone) })
          : t("doesNotRenew")}
      </Notice>
      {replacedRenewalsOf.length > 0 ? (
        <Notice data-testid="checkout-result-replaced-renewals">
          {t("replacedRenewals", {
            names: new Intl.ListFormat(locale, { type: "conjunction" }).format(replacedRenewalsOf),
          })}
        </Notice>
      ) : null}
      <div className="flex justify-end">
        <LinkButton href="/account" data-testid="checkout-result-account">
          {t("account")}
        </LinkButton>
      </div>
    </div>
  );
}
