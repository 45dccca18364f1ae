import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Folded, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { ReferralRewardRow } from "@/lib/referrals/admin/list-referral-rewards";

/** Held until its grant date, granted, or taken back; a clawback's reason (taken or kept) under it. */
function RewardStatus({ row }: { row: ReferralRewardRow }) {
  const badge =
    row.status === "held" ? (
      <Badge tone="amber">held</Badge>
    ) : row.status === "clawed_back" ? (
      <Badge tone="red">taken back</Badge>
    ) : (
      <Badge tone="green">granted</Badge>
    );
  const when =
    row.status === "held" ? (
      <>
        until <Time value={row.grantAt} dateOnly />
      </>
    ) : row.status === "clawed_back" ? (
      <Time value={row.clawedBackAt} dateOnly />
    ) : null;
  return (
    <span data-testid={`referral-reward-status-${row.id}`} data-status={row.status}>
      {badge}
      {when ? <span className="ml-1 text-xs whitespace-nowrap text-zinc-500">{when}</span> : null}
      {row.clawbackReason ? (
        <span
          className="mt-1 block max-w-72 text-xs text-zinc-600"
          data-testid={`referral-reward-clawback-${row.id}`}
        >
          {row.clawbackReason}
        </span>
      ) : null}
    </span>
  );
}

/** Rewards: who got what, as referrer or friend, for which referral and program, and where each stands. */
export function ReferralRewardsTable({ rows }: { rows: ReferralRewardRow[] }) {
  return (
    <Table data-testid="referral-rewards-table">
      <THead>
        <Tr>
          <Th>User</Th>
          <Th>Role</Th>
          <Th>Reward</Th>
          <Th>Status</Th>
          <Th hideBelow="lg">Referral</Th>
          <Th hideBelow="xl">Program</Th>
          <Th hideBelow="md">Earned</Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr key={row.id} data-testid={`referral-reward-row-${row.id}`}>
            <Td>
              <Link
                href={`/admin/users/${row.userId}`}
                className="break-all text-brand-700 hover:underline"
              >
                {row.userEmail}
              </Link>
              <Folded below="lg" label="Referral of">
                <Link
                  href={`/admin/referrals?tab=rewards&referral=${row.referralId}`}
                  className="break-all hover:underline"
                >
                  {row.referredEmail}
                </Link>
              </Folded>
              <Folded below="xl" label="Program">
                {row.programName}
              </Folded>
              <Folded below="md" label="Earned">
                <Time value={row.createdAt} dateOnly />
              </Folded>
            </Td>
            <Td>
              <Badge tone={row.role === "referrer" ? "violet" : "blue"}>{row.role}</Badge>
            </Td>
            <Td className="whitespace-nowrap">
              {row.description}
              <span className="block font-mono text-xs text-zinc-500">{row.rewardType}</span>
            </Td>
            <Td>
              <RewardStatus row={row} />
            </Td>
            <Td className="text-zinc-600" hideBelow="lg">
              <Link
                href={`/admin/referrals?tab=rewards&referral=${row.referralId}`}
                className="break-all hover:underline"
              >
                {row.referredEmail}
              </Link>
            </Td>
            <Td className="text-zinc-600" hideBelow="xl">
              {row.programName}
            </Td>
            <Td className="whitespace-nowrap text-zinc-600" hideBelow="md">
              <Time value={row.createdAt} dateOnly />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
