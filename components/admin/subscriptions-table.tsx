import {
  ContentAccessBadges,
  SubscriptionStateBadge,
  subscriptionKindLabel,
} from "@/components/billing/badges";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format";
import { UserCell } from "./user-cell";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { FormAction as Action } from "@/components/ui/use-form-action";
import type { SubscriptionListRow } from "@/lib/subscriptions/list-subscriptions";

export function SubscriptionsTable({
  rows,
  stopAction,
  showUser = false,
}: {
  rows: SubscriptionListRow[];
  /** Without it (a role that may not change subscriptions) the rows have no stop button. */
  stopAction?: Action;
  showUser?: boolean;
}) {
  return (
    <Table data-testid="subscriptions-table">
      <THead>
        <Tr>
          {showUser ? <Th>User</Th> : null}
          <Th>Type</Th>
          <Th>Content</Th>
          <Th>Start</Th>
          <Th>End</Th>
          <Th>Kind</Th>
          <Th>State</Th>
          <Th className="text-right">
            <span className="sr-only">Actions</span>
          </Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr key={row.id} data-testid={`subscription-row-${row.id}`}>
            {showUser ? <UserCell userId={row.userId} email={row.userEmail} /> : null}
            <Td>
              <div className="font-medium text-zinc-900">{row.typeName}</div>
              <div className="font-mono text-xs text-zinc-500">{row.typeCode}</div>
            </Td>
            <Td>
              <ContentAccessBadges codes={row.contentAccess} />
            </Td>
            <Td className="whitespace-nowrap">{formatDateTime(row.startAt)}</Td>
            <Td className="whitespace-nowrap">{formatDateTime(row.endAt)}</Td>
            <Td>
              <span className="whitespace-nowrap">{subscriptionKindLabel(row.kind)}</span>
              {row.isPaid ? (
                <Badge tone="green" className="ml-1.5">
                  paid
                </Badge>
              ) : null}
            </Td>
            <Td>
              <SubscriptionStateBadge state={row.state} />
            </Td>
            <Td className="text-right">
              {stopAction && row.state !== "ended" ? (
                <ActionButton
                  action={stopAction}
                  fields={{ subscriptionId: row.id }}
                  label="Stop"
                  pendingLabel="Stopping…"
                  variant="danger"
                  confirm={`Stop ${row.typeName} for ${row.userEmail} now?`}
                  testId={`stop-subscription-${row.id}`}
                />
              ) : null}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
