import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ActionButton } from "@/components/ui/action-button";
import { RowActions } from "@/components/ui/row-actions";
import { Folded, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { FormAction } from "@/components/ui/use-form-action";
import type { ReferralRow } from "@/lib/referrals/admin/list-referrals";
import { ReferralReviewBadges, ReferralStatusBadge } from "./referral-badges";

export interface ReferralReviewActions {
  approve: FormAction;
  reject: FormAction;
  retry: FormAction;
}

function ReviewActions({ row, actions }: { row: ReferralRow; actions: ReferralReviewActions }) {
  const fields = { referralId: row.id };
  if (row.status === "pending" && row.review === "flagged") {
    return (
      <RowActions
        label={`Review the referral of ${row.referredEmail}`}
        testId={`referral-review-${row.id}`}
      >
        <ActionButton
          action={actions.approve}
          fields={fields}
          label="Approve"
          pendingLabel="Approving…"
          testId={`referral-approve-${row.id}`}
        />
        <ActionButton
          action={actions.reject}
          fields={fields}
          label="Reject"
          pendingLabel="Rejecting…"
          variant="danger"
          confirm="Reject this referral? Nobody gets a reward for it."
          testId={`referral-reject-${row.id}`}
        />
      </RowActions>
    );
  }
  if (row.status === "error") {
    return (
      <ActionButton
        action={actions.retry}
        fields={fields}
        label="Retry"
        pendingLabel="Retrying…"
        testId={`referral-retry-${row.id}`}
      />
    );
  }
  return null;
}

const REWARD_STATUS_WORDS: Record<string, string> = {
  held: "held",
  granted: "granted",
  clawed_back: "taken back",
};

/** "2 rewards: held, taken back" — links to the rewards tab filtered to the referral. */
function rewardsSummary(statuses: string[]): string {
  const words = statuses.map((status) => REWARD_STATUS_WORDS[status] ?? status);
  return `${statuses.length} reward${statuses.length === 1 ? "" : "s"}: ${words.join(", ")}`;
}

/** Referrals with who referred whom, the program, status, fraud flags, trigger, error reason and the review actions. */
export function ReferralsTable({
  rows,
  actions,
}: {
  rows: ReferralRow[];
  /** Without them (a role that may not change customers) the rows have no review buttons. */
  actions?: ReferralReviewActions;
}) {
  return (
    <Table data-testid="referrals-table">
      <THead>
        <Tr>
          <Th>Referrer</Th>
          <Th>Friend</Th>
          <Th hideBelow="lg">Program</Th>
          <Th>Status</Th>
          <Th>Review</Th>
          <Th className="text-right">
            <span className="sr-only">Actions</span>
          </Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr key={row.id} data-testid={`referral-row-${row.id}`} data-status={row.status}>
            <Td>
              <Link
                href={`/admin/users/${row.referrerUserId}`}
                className="break-all text-brand-700 hover:underline"
              >
                {row.referrerEmail}
              </Link>
              <Folded below="lg" label="Program">
                <Link
                  href={`/admin/referrals/programs/${row.programId}`}
                  className="text-brand-700 hover:underline"
                >
                  {row.programName}
                </Link>
              </Folded>
            </Td>
            <Td>
              {row.referredUserId !== null && row.friendEmail ? (
                <Link
                  href={`/admin/users/${row.referredUserId}`}
                  className="break-all text-brand-700 hover:underline"
                >
                  {row.friendEmail}
                </Link>
              ) : (
                <span className="break-all">{row.referredEmail}</span>
              )}
              <span className="block text-xs text-zinc-500">
                {row.source === "link" ? "via link" : "invited"} ·{" "}
                <Time value={row.createdAt} dateOnly />
              </span>
            </Td>
            <Td hideBelow="lg">
              <Link
                href={`/admin/referrals/programs/${row.programId}`}
                className="text-brand-700 hover:underline"
              >
                {row.programName}
              </Link>
            </Td>
            <Td>
              <span className="inline-flex flex-wrap gap-1">
                <ReferralStatusBadge status={row.status} />
                {row.rewardCapped ? <Badge tone="gray">capped</Badge> : null}
              </span>
              {row.trigger ? (
                <span className="mt-1 block text-xs whitespace-nowrap text-zinc-500">
                  {row.trigger} · <Time value={row.triggeredAt} dateOnly />
                </span>
              ) : null}
              {row.rewardStatuses.length > 0 ? (
                <Link
                  href={`/admin/referrals?tab=rewards&referral=${row.id}`}
                  className="mt-1 block text-xs whitespace-nowrap text-brand-700 hover:underline"
                  data-testid={`referral-rewards-link-${row.id}`}
                >
                  {rewardsSummary(row.rewardStatuses)}
                </Link>
              ) : null}
              {row.status === "error" && row.errorReason ? (
                <span
                  className="mt-1 block max-w-64 text-xs text-red-700"
                  data-testid={`referral-error-${row.id}`}
                >
                  {row.errorReason}
                </span>
              ) : null}
            </Td>
            <Td>
              <ReferralReviewBadges review={row.review} flags={row.flags} />
            </Td>
            <Td className="text-right">
              {actions ? <ReviewActions row={row} actions={actions} /> : null}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
