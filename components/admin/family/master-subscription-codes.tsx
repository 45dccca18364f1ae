import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Folded, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { FormAction } from "@/components/ui/use-form-action";
import type { MasterSubscriptionGroup } from "@/lib/family/admin/list-master-family-groups";
import { FamilyRequestStatusBadge } from "./family-request-status";

/** One master subscription in the master's view: its codes with status, child and dates, and Release per child. */
export function MasterSubscriptionCodes({
  group,
  type,
  releaseAction,
}: {
  group: MasterSubscriptionGroup;
  type: { code: string; name: string } | undefined;
  /** Without it (a role that may not change customers) the codes have no release button. */
  releaseAction?: FormAction;
}) {
  const accepted = group.requests.filter((request) => request.status === "accepted").length;
  const open = group.requests.filter(
    (request) => request.status === "created" && !request.expired,
  ).length;
  return (
    <Card data-testid={`family-master-subscription-${group.masterSubscriptionId}`}>
      <CardHeader
        title={
          <span className="inline-flex items-center gap-2">
            {type ? `${type.name} (${type.code})` : `Subscription #${group.masterSubscriptionId}`}
            {group.ended ? <Badge tone="amber">ended</Badge> : <Badge tone="green">running</Badge>}
          </span>
        }
        description={
          <>
            #{group.masterSubscriptionId} · <Time value={group.startAt} dateOnly /> –{" "}
            <Time value={group.endAt} dateOnly /> · {accepted} activated, {open} open
          </>
        }
      />
      <Table>
        <THead>
          <Tr>
            <Th>Code</Th>
            <Th>Status</Th>
            <Th>Child</Th>
            <Th hideBelow="md">Activated</Th>
            <Th hideBelow="md">Canceled</Th>
            <Th className="text-right">
              <span className="sr-only">Actions</span>
            </Th>
          </Tr>
        </THead>
        <TBody>
          {group.requests.map((request) => (
            <Tr key={request.id} data-testid={`family-request-row-${request.code}`}>
              <Td className="max-w-56">
                <span className="font-mono text-xs break-all">{request.code}</span>
                {request.acceptedAt ? (
                  <Folded below="md" label="Activated">
                    <Time value={request.acceptedAt} />
                  </Folded>
                ) : null}
                {request.canceledAt ? (
                  <Folded below="md" label="Canceled">
                    <Time value={request.canceledAt} />
                  </Folded>
                ) : null}
              </Td>
              <Td>
                <FamilyRequestStatusBadge status={request.status} expired={request.expired} />
              </Td>
              <Td>
                {request.childUserId !== null && request.childEmail ? (
                  <Link
                    href={`/admin/users/${request.childUserId}`}
                    className="break-all text-brand-700 hover:underline"
                  >
                    {request.childEmail}
                  </Link>
                ) : (
                  <span className="text-zinc-400">—</span>
                )}
              </Td>
              <Td className="whitespace-nowrap text-zinc-600" hideBelow="md">
                <Time value={request.acceptedAt} />
              </Td>
              <Td className="whitespace-nowrap text-zinc-600" hideBelow="md">
                <Time value={request.canceledAt} />
              </Td>
              <Td className="text-right">
                {releaseAction && request.status === "accepted" ? (
                  <ActionButton
                    action={releaseAction}
                    fields={{ requestId: request.id }}
                    label="Release"
                    pendingLabel="Releasing…"
                    variant="danger"
                    confirm="Release this child? Their family subscription stops now and a replacement code is issued."
                    testId={`family-release-${request.id}`}
                  />
                ) : null}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </Card>
  );
}
