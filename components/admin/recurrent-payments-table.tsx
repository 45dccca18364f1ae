import { RecurrentStateBadge } from "@/components/billing/badges";
import { ActionButton } from "@/components/ui/action-button";
import { Time } from "@/components/ui/time";
import { UserCell } from "./user-cell";
import { Folded, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { FormAction as Action } from "@/components/ui/use-form-action";
import { formatMoney } from "@/lib/money";
import type { RecurrentPaymentListRow } from "@/lib/recurrent-payments/list-recurrent-payments";

export function RecurrentPaymentsTable({
  rows,
  stopAction,
  showUser = false,
}: {
  rows: RecurrentPaymentListRow[];
  /** Without it (a role that may not change payments) the rows have no stop button. */
  stopAction?: Action;
  showUser?: boolean;
}) {
  return (
    <Table data-testid="recurrent-payments-table">
      <THead>
        <Tr>
          {showUser ? <Th>User</Th> : null}
          <Th>Next charge buys</Th>
          <Th className="text-right">Amount</Th>
          <Th>Next charge</Th>
          <Th>State</Th>
          <Th className="text-right" hideBelow="xl">
            Failures
          </Th>
          <Th className="text-right">
            <span className="sr-only">Actions</span>
          </Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr key={row.id} data-testid={`recurrent-row-${row.id}`}>
            {showUser ? <UserCell userId={row.userId} email={row.userEmail} /> : null}
            <Td>
              <div className="font-medium text-zinc-900">{row.typeName}</div>
              <div className="text-xs text-zinc-500">{row.gateway} gateway</div>
              {row.failedAttempts > 0 ? (
                <Folded below="xl" className="text-red-600">
                  {row.failedAttempts} failed {row.failedAttempts === 1 ? "charge" : "charges"}
                  {row.lastFailureReason ? `: ${row.lastFailureReason}` : ""}
                </Folded>
              ) : null}
            </Td>
            <Td className="text-right whitespace-nowrap tabular-nums">
              {formatMoney(row.amountCents)}
            </Td>
            <Td className="whitespace-nowrap">
              {row.state === "active" ? (
                <Time value={row.nextChargeAt} />
              ) : (
                <span className="text-zinc-400">—</span>
              )}
            </Td>
            <Td>
              <RecurrentStateBadge state={row.state} />
            </Td>
            <Td className="text-right tabular-nums" hideBelow="xl">
              <span
                title={row.lastFailureReason ?? undefined}
                className={row.failedAttempts > 0 ? "text-red-600" : undefined}
              >
                {row.failedAttempts}
              </span>
            </Td>
            <Td className="text-right">
              {stopAction && row.state === "active" ? (
                <ActionButton
                  action={stopAction}
                  fields={{ recurrentPaymentId: row.id }}
                  label="Stop"
                  pendingLabel="Stopping…"
                  variant="danger"
                  confirm={`Stop the recurrent payment for ${row.userEmail}? It will not be charged again.`}
                  testId={`stop-recurrent-${row.id}`}
                />
              ) : null}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
