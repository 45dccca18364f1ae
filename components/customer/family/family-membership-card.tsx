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
export function FamilyMembershipCard({
  membership,
  leaveAction,
}: {
  membership: FamilyMembershipView;
  leaveAction: FormAction;
}) {
  return (
    <Card data-testid={`family-membership-${membership.code}`}>
      <CardHeader title={`${membership.ownerLabel}'s family`} description={membership.planName} />
      <CardBody className="flex flex-wrap items-center justify-between gap-4">
        <p className="text-sm text-zinc-700" data-testid="family-membership-summary">
          You are a member of{" "}
          <span className="font-medium text-zinc-900">{membership.ownerLabel}</span>&apos;s family
          plan and have{" "}
          <span className="font-medium text-zinc-900">{membership.subscriptionTypeName}</span> until{" "}
          <span className="font-medium text-zinc-900">{formatDate(membership.endAt)}</span>.
        </p>
        <ActionButton
          action={leaveAction}
          fields={{ code: membership.code }}
          label="Leave"
          pendingLabel="Leaving…"
          variant="danger"
          confirm={`Leave ${membership.ownerLabel}'s family? Your ${membership.subscriptionTypeName} subscription from it ends now.`}
          testId="family-leave"
        />
      </CardBody>
    </Card>
  );
}
