import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
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
    row.status === "held"
      ? `until ${formatDate(row.grantAt)}`
      : row.status === "clawed_back"
        ? formatDate(row.clawedBackAt)
        : null;
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
          <Th>Referral</Th>
          <Th>Program</Th>
          <Th>Earned</Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr key={row.id} data-testid={`referral-reward-row-${row.id}`}>
            <Td>
              <Link href={`/admin/users/${row.userId}`} className="text-brand-700 hover:underline">
                {row.userEmail}
              </Link>
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
            <Td className="text-zinc-600">
              <Link
                href={`/admin/referrals?tab=rewards&referral=${row.referralId}`}
                className="hover:underline"
              >
                {row.referredEmail}
              </Link>
            </Td>
            <Td className="text-zinc-600">{row.programName}</Td>
            <Td className="whitespace-nowrap text-zinc-600" title={formatDateTime(row.createdAt)}>
              {formatDate(row.createdAt)}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
