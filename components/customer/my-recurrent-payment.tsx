import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import Link from "next/link";
import { RecurrentStateBadge } from "@/components/billing/badges";
import { ActionButton } from "@/components/ui/action-button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import type { FormAction } from "@/components/ui/use-form-action";
import { formatMoney } from "@/lib/money";
import type { RecurrentPaymentListRow } from "@/lib/recurrent-payments/list-recurrent-payments";

/** The customer's renewal: the active one when there is one, else the most recent. */
export async function MyRecurrentPayment({
  row,
  stopAction,
}: {
  row: RecurrentPaymentListRow | undefined;
  stopAction: FormAction;
}) {
  const [t, locale, timeZone] = await Promise.all([
    getTranslations("MyRecurrentPayment"),
    getLocale(),
    getTimeZone(),
  ]);
  return (
    <Card data-testid="my-recurrent-payment">
      <CardHeader title={t("title")} />
      <CardBody>
        {!row ? (
          <p className="text-sm text-zinc-500">{t("none")}</p>
        ) : (
          <div className="space-y-4">
            <dl className="space-y-2 text-sm">
              <div className="flex justify-between gap-4">
                <dt className="text-zinc-500">{t("renewsInto")}</dt>
                <dd className="text-right font-medium text-zinc-900">{row.typeName}</dd>
              </div>
              <div className="flex justify-between gap-4">
                <dt className="text-zinc-500">{t("amount")}</dt>
                <dd className="font-medium text-zinc-900 tabular-nums">
                  {formatMoney(row.amountCents, locale)}
                </dd>
              </div>
              <div className="flex justify-between gap-4">
                <dt className="text-zinc-500">{t("nextCharge")}</dt>
                <dd className="text-zinc-900" data-testid="next-charge">
                  {row.state === "active" ? formatDate(row.nextChargeAt, locale, timeZone) : "—"}
                </dd>
              </div>
              <div className="flex justify-between gap-4">
                <dt className="text-zinc-500">{t("stateLabel")}</dt>
                <dd>
                  <RecurrentStateBadge state={row.state} label={t(`state.${row.state}`)} />
                </dd>
              </div>
            </dl>
            {row.state === "charge_failed" || row.state === "user_stop" ? (
              <p className="border-t border-zinc-100 pt-4 text-sm">
                <Link
                  href="/account/billing"
                  className="font-medium text-brand-700 hover:underline"
                  data-testid="renewal-billing-link"
                >
                  {row.state === "charge_failed" ? t("payFailed") : t("resume")}
                </Link>
              </p>
            ) : null}
            {row.state === "active" ? (
              <div className="flex justify-end border-t border-zinc-100 pt-4">
                <ActionButton
                  action={stopAction}
                  fields={{ recurrentPaymentId: row.id }}
                  label={t("stop")}
                  pendingLabel={t("stopping")}
                  variant="danger"
                  confirm={t("stopConfirm")}
                  testId="stop-my-recurrent"
                />
              </div>
            ) : null}
          </div>
        )}
      </CardBody>
    </Card>
  );
}
