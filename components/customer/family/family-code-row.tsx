import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
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
import { FAMILY_CANCEL_REASONS, type FamilyCancelReason } from "@/lib/family/family-cancel-reasons";

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
export async function FamilyCodeRow({
  row,
  actions,
}: {
  row: FamilyCodeRowView;
  actions: FamilyCodeRowActions;
}) {
  const { request } = row;
  const state = familyCodeState(request.status, row.expired);
  const [t, copyT, locale, timeZone] = await Promise.all([
    getTranslations("FamilyCode"),
    getTranslations("CopyLink"),
    getLocale(),
    getTimeZone(),
  ]);
  const reason = (FAMILY_CANCEL_REASONS as readonly string[]).includes(request.cancelReason ?? "")
    ? t(`cancelReason.${request.cancelReason as FamilyCancelReason}`)
    : null;
  return (
    <li
      className="space-y-3 px-5 py-4"
      data-testid={`family-code-${request.code}`}
      data-status={state}
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex min-w-0 items-center gap-3">
          <FamilyCodeStatusBadge state={state} label={t(`state.${state}`)} />
          <span className="text-sm font-medium text-zinc-900">{row.subscriptionTypeName}</span>
          <code className="truncate text-xs text-zinc-500">{request.code}</code>
        </div>
        {request.status === "accepted" ? (
          <ActionButton
            action={actions.release}
            fields={{ requestId: request.id }}
            label={t("release")}
            pendingLabel={t("releasing")}
            variant="danger"
            confirm={t("releaseConfirm", { member: row.child?.email ?? t("thisMember") })}
            testId={`family-release-${request.id}`}
          />
        ) : state === "created" ? (
          <ActionButton
            action={actions.revoke}
            fields={{ code: request.code }}
            label={t("revoke")}
            pendingLabel={t("revoking")}
            confirm={t("revokeConfirm")}
            testId={`family-revoke-${request.id}`}
          />
        ) : null}
      </div>
      {request.status === "accepted" ? (
        <p className="text-sm text-zinc-600" data-testid="family-code-child">
          {t.rich("activatedBy", {
            member: row.child
              ? row.child.name
                ? `${row.child.name} (${row.child.email})`
                : row.child.email
              : t("deletedAccount"),
            date: formatDateTime(request.acceptedAt, locale, timeZone),
            strong: (chunks) => <span className="font-medium text-zinc-900">{chunks}</span>,
          })}
        </p>
      ) : null}
      {request.status === "canceled" ? (
        <p className="text-sm text-zinc-500" data-testid="family-code-canceled">
          {t("canceledOn", { date: formatDateTime(request.canceledAt, locale, timeZone) })}
          {reason ? ` (${reason})` : ""}
        </p>
      ) : null}
      {state === "created" ? (
        <div className="flex flex-wrap items-start justify-between gap-3">
          <CopyLinkField
            link={row.link}
            label={t("activationLink")}
            labels={{
              copy: copyT("copy"),
              copied: copyT("copied"),
              selectHint: copyT("selectHint"),
            }}
            inputTestId={`family-link-${request.code}`}
            buttonTestId={`family-copy-${request.code}`}
          />
          <SendInvitationForm action={actions.sendInvitation} requestId={request.id} />
        </div>
      ) : null}
      {state === "created" && request.openedAt ? (
        <p className="text-xs text-zinc-500">
          {t("linkOpened", { date: formatDateTime(request.openedAt, locale, timeZone) })}
        </p>
      ) : null}
    </li>
  );
}
