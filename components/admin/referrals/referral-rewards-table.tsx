import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { ReferralRewardRow } from "@/lib/referrals/admin/list-referral-rewards";

/** Granted rewards: who got what, as referrer or friend, for which referral and program. */
export function ReferralRewardsTable({ rows }: { rows: ReferralRewardRow[] }) {
  return (
    <Table data-testid="referral-rewards-table">
      <THead>
        <Tr>
          <Th>User</Th>
          <Th>Role</Th>
          <Th>Reward</Th>
          <Th>Referral</Th>
          <Th>Program</Th>
          <Th>Granted</Th>
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
            <Td className="text-zinc-600">{row.referredEmail}</Td>
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
