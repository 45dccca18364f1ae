import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { describeReferralProgram } from "@/lib/referrals/admin/describe-referral-program";
import type { ReferralProgramListRow } from "@/lib/referrals/admin/list-referral-programs";

/** Programs with their badges, what they do in words (each registry entry's `describe`) and their referral counts. */
export function ReferralProgramsTable({ rows }: { rows: ReferralProgramListRow[] }) {
  return (
    <Table data-testid="referral-programs-table">
      <THead>
        <Tr>
          <Th>Name</Th>
          <Th>Completes</Th>
          <Th>Rewards</Th>
          <Th className="text-right">Referrals</Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((row) => {
          const summary = describeReferralProgram(row);
          return (
            <Tr key={row.id} data-testid={`referral-program-row-${row.id}`}>
              <Td>
                <Link
                  href={`/admin/referrals/programs/${row.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {row.name}
                </Link>
                <span className="mt-1 flex flex-wrap gap-1">
                  {row.isDefault ? (
                    <Badge tone="violet" data-testid="program-default-badge">
                      default
                    </Badge>
                  ) : null}
                  {row.active ? (
                    <Badge tone="green">active</Badge>
                  ) : (
                    <Badge tone="gray" data-testid="program-inactive-badge">
                      inactive
                    </Badge>
                  )}
                </span>
              </Td>
              <Td className="text-zinc-600">
                {summary.triggers.join(" or ")}
                {summary.constraints.length > 0 ? (
                  <span className="block text-xs">{summary.constraints.join(", ")}</span>
                ) : null}
              </Td>
              <Td data-testid="program-rewards">
                <span className="block">Referrer: {summary.reward}</span>
                <span className="block text-zinc-600">
                  Friend: {summary.friendReward ?? "nothing"}
                </span>
                {row.maxRewardsPerReferrer !== null ? (
                  <span className="block text-xs text-zinc-500">
                    at most {row.maxRewardsPerReferrer} per referrer
                  </span>
                ) : null}
                {row.rewardHoldDays > 0 ? (
                  <span className="block text-xs text-zinc-500" data-testid="program-hold">
                    held {row.rewardHoldDays} day{row.rewardHoldDays === 1 ? "" : "s"} after the
                    friend pays
                  </span>
                ) : null}
              </Td>
              <Td className="text-right tabular-nums">
                {row.referralCount}
                <span className="block text-xs text-zinc-500">
                  {row.pendingCount} pending · {row.completeCount} complete
                </span>
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
