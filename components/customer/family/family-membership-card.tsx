import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ActionButton } from "@/components/ui/action-button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import type { FormAction } from "@/components/ui/use-form-action";

export interface FamilyMembershipView {
  code: string;
  ownerLabel: string;
  planName: string;
  subscriptionTypeName: string;
  endAt: Date;
}

/** A member's view of a family they belong to: whose it is, the plan, until when, and "Leave". */
export async function FamilyMembershipCard({
  membership,
  leaveAction,
}: {
  membership: FamilyMembershipView;
  leaveAction: FormAction;
}) {
  const [t, locale, timeZone] = await Promise.all([
    getTranslations("FamilyMembership"),
    getLocale(),
    getTimeZone(),
  ]);
  const strong = (chunks: ReactNode) => <span className="font-medium text-zinc-900">{chunks}</span>;
  return (
    <Card data-testid={`family-membership-${membership.code}`}>
      <CardHeader
        title={t("title", { owner: membership.ownerLabel })}
        description={membership.planName}
      />
      <CardBody className="flex flex-wrap items-center justify-between gap-4">
        <p className="text-sm text-zinc-700" data-testid="family-membership-summary">
          {t.rich("summary", {
            owner: membership.ownerLabel,
            type: membership.subscriptionTypeName,
            date: formatDate(membership.endAt, locale, timeZone),
            strong,
          })}
        </p>
        <ActionButton
          action={leaveAction}
          fields={{ code: membership.code }}
          label={t("leave")}
          pendingLabel={t("leaving")}
          variant="danger"
          confirm={t("leaveConfirm", {
            owner: membership.ownerLabel,
            type: membership.subscriptionTypeName,
          })}
          testId="family-leave"
        />
      </CardBody>
    </Card>
  );
}
