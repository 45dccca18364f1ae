import { PaymentStatusBadge } from "@/components/billing/badges";
import { PaymentItemsList } from "@/components/billing/payment-items-list";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/components/ui/format";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatMoney } from "@/lib/money";
import type { PaymentListRow } from "@/lib/payments/list-payments";

export function MyPayments({ rows }: { rows: PaymentListRow[] }) {
  return (
    <Card data-testid="my-payments">
      <CardHeader title="My payments" />
      {rows.length === 0 ? (
        <EmptyState title="No payments yet" />
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>Date</Th>
              <Th>Items</Th>
              <Th>Status</Th>
              <Th className="text-right">Amount</Th>
            </Tr>
          </THead>
          <TBody>
            {rows.map((row) => (
              <Tr key={row.id} data-testid="my-payment">
                <Td className="whitespace-nowrap">{formatDate(row.paidAt ?? row.createdAt)}</Td>
                <Td>
                  <PaymentItemsList items={row.items} />
                </Td>
                <Td>
                  <PaymentStatusBadge status={row.status} />
                </Td>
                <Td className="text-right font-medium whitespace-nowrap text-zinc-900 tabular-nums">
                  {formatMoney(row.amountCents)}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
