import type { Metadata } from "next";
import Link from "next/link";
import { FamilyCodeStatusBadge, familyCodeState } from "@/components/customer/family/family-code-status-badge";
import { SendInvitationForm } from "@/components/customer/family/send-invitation-form";
import { ActionButton } from "@/components/ui/action-button";
import { Card, CardHeader } from "@/components/ui/card";
import { CopyLinkField } from "@/components/ui/copy-link-field";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { requireUserPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { familyActivationLink } from "@/lib/family/family-link";
import { listMasterFamilyRequests, type MasterFamilyRequestRow } from "@/lib/family/list-family-requests";
import { releaseFamilyChildAction, sendFamilyInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Family" };

const backLink = (
  <Link href="/account" className="text-brand-700 hover:underline">
    ← My account
  </Link>
);

/** The rows grouped by master subscription, in the list's order (newest first). */
function groupBySubscription(rows: MasterFamilyRequestRow[]) {
  const groups = new Map<number, { subscription: MasterFamilyRequestRow["masterSubscription"]; rows: MasterFamilyRequestRow[] }>();
  for (const row of rows) {
    const group = groups.get(row.masterSubscription.id) ?? { subscription: row.masterSubscription, rows: [] };
    group.rows.push(row);
    groups.set(row.masterSubscription.id, group);
  }
  return [...groups.values()];
}

function FamilyCodeRow({ row }: { row: MasterFamilyRequestRow }) {
  const { request } = row;
  const state = familyCodeState(request.status, row.expired);
  return (
    <li className="space-y-3 px-5 py-4" data-testid={`family-code-${request.code}`} data-status={state}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex min-w-0 items-center gap-3">
          <FamilyCodeStatusBadge state={state} />
          <span className="text-sm font-medium text-zinc-900">{row.subscriptionTypeName}</span>
          <code className="truncate text-xs text-zinc-500">{request.code}</code>
        </div>
        {request.status === "accepted" ? (
          <ActionButton
            action={releaseFamilyChildAction}
            fields={{ requestId: request.id }}
            label="Release"
            pendingLabel="Releasing…"
            variant="danger"
            confirm={`Release ${row.slave?.email ?? "this member"}? Their subscription stops now and a new code replaces this one.`}
            testId={`family-release-${request.id}`}
          />
        ) : null}
      </div>
      {request.status === "accepted" ? (
        <p className="text-sm text-zinc-600" data-testid="family-code-slave">
          Activated by <span className="font-medium text-zinc-900">{row.slave ? (row.slave.name ? `${row.slave.name} (${row.slave.email})` : row.slave.email) : "a deleted account"}</span>{" "}
          on {formatDateTime(request.acceptedAt)}
        </p>
      ) : null}
      {request.status === "canceled" ? <p className="text-sm text-zinc-500">Canceled on {formatDateTime(request.canceledAt)}</p> : null}
      {state === "created" ? (
        <div className="flex flex-wrap items-start justify-between gap-3">
          <CopyLinkField
            link={familyActivationLink(request.code)}
            label="Activation link"
            inputTestId={`family-link-${request.code}`}
            buttonTestId={`family-copy-${request.code}`}
          />
          <SendInvitationForm action={sendFamilyInvitationAction} requestId={request.id} />
        </div>
      ) : null}
      {state === "created" && request.openedAt ? (
        <p className="text-xs text-zinc-500">Link opened on {formatDateTime(request.openedAt)}</p>
      ) : null}
    </li>
  );
}

export default async function FamilyPage() {
  const user = await requireUserPage("/account/family");
  const db = await getDb();
  // Scoped to the signed-in master in the query.
  const rows = await listMasterFamilyRequests(db, { masterUserId: user.id });
  const groups = groupBySubscription(rows);

  return (
    <>
      <PageHeader
        title="Family"
        description="Share your family subscription: each code gives one person a subscription of their own."
        back={backLink}
      />
      {groups.length === 0 ? (
        <Card>
          <EmptyState title="No family codes" description="When you buy a family subscription, its codes to share appear here." />
        </Card>
      ) : (
        <div className="space-y-6">
          {groups.map((group) => {
            const used = group.rows.filter((row) => row.request.status === "accepted").length;
            const live = group.rows.filter((row) => row.request.status !== "canceled").length;
            return (
              <Card key={group.subscription.id} data-testid={`family-subscription-${group.subscription.id}`}>
                <CardHeader
                  title={group.subscription.typeName}
                  description={`${formatDate(group.subscription.startAt)} – ${formatDate(group.subscription.endAt)} · ${used} of ${live} codes used`}
                />
                <ul className="divide-y divide-zinc-100">
                  {group.rows.map((row) => (
                    <FamilyCodeRow key={row.request.id} row={row} />
                  ))}
                </ul>
              </Card>
            );
          })}
        </div>
      )}
    </>
  );
}
