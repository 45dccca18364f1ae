import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { PaymentStatusBadge } from "@/components/billing/badges";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/components/ui/format";
import { formatMoney } from "@/lib/money";
import type { MyPaymentRow } from "@/lib/receipts/list-my-payments";
import { customerReceiptPath } from "@/lib/receipts/receipt-paths";

/**
 * The customer's payments with their receipt and credit note downloads. A table from `sm` up; below it each payment
 * is a stacked card, so a 390 px phone never scrolls sideways.
 */
export async function PaymentHistory({ rows }: { rows: MyPaymentRow[] }) {
  const [t, locale, timeZone] = await Promise.all([
    getTranslations("PaymentHistory"),
    getLocale(),
    getTimeZone(),
  ]);
  return (
    <Card data-testid="payment-history">
      <CardHeader title={t("title")} description={t("description")} />
      {rows.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <>
          <div className="hidden grid-cols-[7rem_minmax(0,1fr)_6rem_6rem_8rem] gap-4 border-b border-zinc-200 px-5 py-2 text-xs font-medium tracking-wide text-zinc-500 uppercase sm:grid">
            <span>{t("date")}</span>
            <span>{t("items")}</span>
            <span>{t("status")}</span>
            <span className="text-right">{t("amount")}</span>
            <span className="text-right">{t("documents")}</span>
          </div>
          <ul className="divide-y divide-zinc-100">
            {rows.map((row) => (
              <li
                key={row.id}
                className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-4 gap-y-1.5 px-5 py-3 text-sm sm:grid-cols-[7rem_minmax(0,1fr)_6rem_6rem_8rem] sm:items-start sm:gap-4"
                data-testid="payment-history-row"
              >
                <span className="text-zinc-500 sm:text-zinc-700">
                  {formatDate(row.paidAt ?? row.createdAt, locale, timeZone)}
                </span>
                <span className="col-start-2 row-start-1 text-right font-medium text-zinc-900 tabular-nums sm:hidden">
                  {formatMoney(row.amountCents, locale)}
                </span>
                <ul className="col-span-2 min-w-0 space-y-0.5 break-words text-zinc-800 sm:col-span-1">
                  {row.items.length === 0 ? <li className="text-zinc-400">—</li> : null}
                  {row.items.map((item, index) => (
                    <li key={index}>
                      {item.count > 1 ? `${item.count} × ` : ""}
                      {item.name}
                    </li>
                  ))}
                </ul>
                <span>
                  <PaymentStatusBadge status={row.status} label={t(`state.${row.status}`)} />
                </span>
                <span className="hidden text-right font-medium text-zinc-900 tabular-nums sm:block">
                  {formatMoney(row.amountCents, locale)}
                </span>
                <DocumentLinks
                  row={row}
                  labels={{
                    receipt: t("receipt"),
                    receiptTitle: t("receiptTitle", { number: row.receiptNumber ?? "" }),
                    creditNote: t("creditNote"),
                    creditNoteTitle: t("creditNoteTitle", { number: row.creditNoteNumber ?? "" }),
                  }}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

function DocumentLinks({
  row,
  labels,
}: {
  row: MyPaymentRow;
  labels: { receipt: string; receiptTitle: string; creditNote: string; creditNoteTitle: string };
}) {
  if (!row.receiptNumber && !row.creditNoteNumber) return <span className="hidden sm:block" />;
  const link = "font-medium text-brand-700 hover:underline";
  return (
    <span className="flex flex-wrap justify-end gap-x-3 gap-y-1 sm:flex-col sm:items-end">
      {row.receiptNumber ? (
        <a
          href={customerReceiptPath(row.id, "receipt")}
          download
          className={link}
          title={labels.receiptTitle}
          data-testid="receipt-link"
        >
          {labels.receipt}
        </a>
      ) : null}
      {row.creditNoteNumber ? (
        <a
          href={customerReceiptPath(row.id, "credit_note")}
          download
          className={link}
          title={labels.creditNoteTitle}
          data-testid="credit-note-link"
        >
          {labels.creditNote}
        </a>
      ) : null}
    </span>
  );
}
