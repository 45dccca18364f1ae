import {
  FamilyCodeStatusBadge,
  familyCodeState,
} from "@/components/customer/family/family-code-status-badge";
import { SendInvitationForm } from "@/components/customer/family/send-invitation-form";
import { ActionButton } from "@/components/ui/action-button";
import { CopyLinkField } from "@/components/ui/copy-link-field";
import { formatDateTime } from "@/components/ui/format";
import type { FormAction } from "@/components/ui/use-form-action";
import type { FamilyRequest } from "@/lib/db/schema";
import { familyCancelReasonLabel } from "@/lib/family/family-cancel-reasons";

export interface FamilyCodeRowView {
  request: FamilyRequest;
  subscriptionTypeName: string;
  child: { email: string; name: string | null } | null;
  expired: boolean;
  /** The public activation link of the code. */
  link: string;
}

export interface FamilyCodeRowActions {
  release: FormAction;
  revoke: FormAction;
  sendInvitation: FormAction;
}

/** One code of the master's: its state, who used it (Release) or its link to share (Send, Revoke). */
export function FamilyCodeRow({
  row,
  actions,
}: {
  row: FamilyCodeRowView;
  actions: FamilyCodeRowActions;
}) {
  const { request } = row;
  const state = familyCodeState(request.status, row.expired);
  const reason = familyCancelReasonLabel(request.cancelReason);
  return (
    <li
      className="space-y-3 px-5 py-4"
      data-testid={`family-code-${request.code}`}
      data-status={state}
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex min-w-0 items-center gap-3">
          <FamilyCodeStatusBadge state={state} />
          <span className="text-sm font-medium text-zinc-900">{row.subscriptionTypeName}</span>
          <code className="truncate text-xs text-zinc-500">{request.code}</code>
        </div>
        {request.status === "accepted" ? (
          <ActionButton
            action={actions.release}
            fields={{ requestId: request.id }}
            label="Release"
            pendingLabel="Releasing…"
            variant="danger"
            confirm={`Release ${row.child?.email ?? "this member"}? Their subscription stops now and a new code replaces this one.`}
            testId={`family-release-${request.id}`}
          />
        ) : state === "created" ? (
          <ActionButton
            action={actions.revoke}
            fields={{ code: request.code }}
            label="Revoke"
            pendingLabel="Revoking…"
            confirm="Revoke this code? Its link stops working and a new code replaces it."
            testId={`family-revoke-${request.id}`}
          />
        ) : null}
      </div>
      {request.status === "accepted" ? (
        <p className="text-sm text-zinc-600" data-testid="family-code-child">
          Activated by{" "}
          <span className="font-medium text-zinc-900">
            {row.child
              ? row.child.name
                ? `${row.child.name} (${row.child.email})`
                : row.child.email
              : "a deleted account"}
          </span>{" "}
          on {formatDateTime(request.acceptedAt)}
        </p>
      ) : null}
      {request.status === "canceled" ? (
        <p className="text-sm text-zinc-500" data-testid="family-code-canceled">
          Canceled on {formatDateTime(request.canceledAt)}
          {reason ? ` (${reason})` : ""}
        </p>
      ) : null}
      {state === "created" ? (
        <div className="flex flex-wrap items-start justify-between gap-3">
          <CopyLinkField
            link={row.link}
            label="Activation link"
            inputTestId={`family-link-${request.code}`}
            buttonTestId={`family-copy-${request.code}`}
          />
          <SendInvitationForm action={actions.sendInvitation} requestId={request.id} />
        </div>
      ) : null}
      {state === "created" && request.openedAt ? (
        <p className="text-xs text-zinc-500">Link opened on {formatDateTime(request.openedAt)}</p>
      ) : null}
    </li>
  );
}
