import {
  ContentAccessBadges,
  SubscriptionStateBadge,
  subscriptionKindLabel,
} from "@/components/billing/badges";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { UserCell } from "./user-cell";
import { Folded, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
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
          <Th hideBelow="xl">Content</Th>
          <Th>Period</Th>
          <Th hideBelow="lg">Kind</Th>
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
              <div className="font-mono text-xs break-all text-zinc-500">{row.typeCode}</div>
              <Folded below="xl">
                <ContentAccessBadges codes={row.contentAccess} />
              </Folded>
              <Folded below="lg">
                {subscriptionKindLabel(row.kind)}
                {row.isPaid ? " · paid" : null}
              </Folded>
            </Td>
            <Td hideBelow="xl">
              <ContentAccessBadges codes={row.contentAccess} />
            </Td>
            <Td className="text-xs whitespace-nowrap">
              <div>
                <Time value={row.startAt} />
              </div>
              <div className="text-zinc-500">
                to <Time value={row.endAt} />
              </div>
            </Td>
            <Td hideBelow="lg">
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
