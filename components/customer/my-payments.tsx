import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { PaymentStatusBadge } from "@/components/billing/badges";
import { PaymentItemsList } from "@/components/billing/payment-items-list";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/components/ui/format";
import { Folded, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatMoney } from "@/lib/money";
import type { PaymentListRow } from "@/lib/payments/list-payments";

export async function MyPayments({ rows }: { rows: PaymentListRow[] }) {
  const [t, locale, timeZone] = await Promise.all([
    getTranslations("MyPayments"),
    getLocale(),
    getTimeZone(),
  ]);
  return (
    <Card data-testid="my-payments">
      <CardHeader title={t("title")} />
      {rows.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>{t("date")}</Th>
              <Th>{t("items")}</Th>
              <Th hideBelow="sm">{t("status")}</Th>
              <Th className="text-right">{t("amount")}</Th>
            </Tr>
          </THead>
          <TBody>
            {rows.map((row) => (
              <Tr key={row.id} data-testid="my-payment">
                <Td className="whitespace-nowrap">
                  {formatDate(row.paidAt ?? row.createdAt, locale, timeZone)}
                </Td>
                <Td>
                  <PaymentItemsList items={row.items} locale={locale} />
                  {/* On a phone the status sits under the items: the amount keeps its column. */}
                  <Folded below="sm">
                    <PaymentStatusBadge status={row.status} label={t(`state.${row.status}`)} />
                  </Folded>
                </Td>
                <Td hideBelow="sm">
                  <PaymentStatusBadge status={row.status} label={t(`state.${row.status}`)} />
                </Td>
                <Td className="text-right font-medium whitespace-nowrap text-zinc-900 tabular-nums">
                  {formatMoney(row.amountCents, locale)}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
