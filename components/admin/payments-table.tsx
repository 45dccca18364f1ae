import { PaymentStatusBadge } from "@/components/billing/badges";
import { PaymentItemsList } from "@/components/billing/payment-items-list";
import { ActionButton } from "@/components/ui/action-button";
import { Time } from "@/components/ui/time";
import { UserCell } from "./user-cell";
import { Folded, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { FormAction as Action } from "@/components/ui/use-form-action";
import { formatMoney } from "@/lib/money";
import type { PaymentListRow } from "@/lib/payments/list-payments";

export function PaymentsTable({
  rows,
  markPaidAction,
  refundAction,
  showUser = false,
}: {
  rows: PaymentListRow[];
  /** Without them (a role that may not change payments) the rows have no buttons. */
  markPaidAction?: Action;
  refundAction?: Action;
  showUser?: boolean;
}) {
  return (
    <Table data-testid="payments-table">
      <THead>
        <Tr>
          <Th>#</Th>
          {showUser ? <Th>User</Th> : null}
          <Th>Items</Th>
          <Th className="text-right">Amount</Th>
          <Th>Status</Th>
          <Th hideBelow="xl">Gateway</Th>
          <Th>Created / paid</Th>
          <Th className="text-right">
            <span className="sr-only">Actions</span>
          </Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr key={row.id} data-testid={`payment-row-${row.id}`}>
            <Td className="font-mono text-xs text-zinc-500">{row.id}</Td>
            {showUser ? <UserCell userId={row.userId} email={row.userEmail} /> : null}
            <Td>
              <PaymentItemsList items={row.items} />
              {row.recurrentCardToken ? (
                <div className="mt-0.5 text-xs text-zinc-500">
                  Recurrent · {row.recurrentCardToken}
                </div>
              ) : null}
              <Folded below="xl" label="Gateway">
                {row.gateway}
              </Folded>
              {row.failureReason ? (
                <div className="mt-0.5 text-xs text-red-600">{row.failureReason}</div>
              ) : null}
            </Td>
            <Td className="text-right font-medium whitespace-nowrap text-zinc-900 tabular-nums">
              {formatMoney(row.amountCents)}
            </Td>
            <Td>
              <PaymentStatusBadge status={row.status} />
            </Td>
            <Td className="text-zinc-600" hideBelow="xl">
              {row.gateway}
            </Td>
            <Td className="text-xs whitespace-nowrap">
              <div>
                <Time value={row.createdAt} />
              </div>
              {row.paidAt ? (
                <div className="text-zinc-500">
                  paid <Time value={row.paidAt} />
                </div>
              ) : null}
            </Td>
            <Td className="text-right">
              {markPaidAction && (row.status === "form" || row.status === "fail") ? (
                <ActionButton
                  action={markPaidAction}
                  fields={{ paymentId: row.id }}
                  label="Mark paid"
                  pendingLabel="Paying…"
                  variant="secondary"
                  testId={`mark-paid-${row.id}`}
                />
              ) : refundAction && row.status === "paid" ? (
                <ActionButton
                  action={refundAction}
                  fields={{ paymentId: row.id }}
                  label="Refund"
                  pendingLabel="Refunding…"
                  variant="danger"
                  confirm={`Refund payment #${row.id} (${formatMoney(row.amountCents)})? Its subscription stops now.`}
                  testId={`refund-${row.id}`}
                />
              ) : null}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
