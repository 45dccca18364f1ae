import Link from "next/link";
import { Folded, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { FamilyRequestRow } from "@/lib/family/admin/family-request-rows";
import { FamilyRequestStatusBadge } from "./family-request-status";

/** The admin's request list: each code with its master (linking to the master's view), child and dates. */
export function FamilyRequestsTable({ rows }: { rows: FamilyRequestRow[] }) {
  return (
    <Table data-testid="family-requests-table">
      <THead>
        <Tr>
          <Th>Code</Th>
          <Th>Status</Th>
          <Th>Master</Th>
          <Th>Child</Th>
          <Th hideBelow="lg">Type</Th>
          <Th>Master subscription</Th>
          <Th hideBelow="xl">Created</Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr key={row.id} data-testid={`family-request-row-${row.code}`}>
            <Td className="max-w-48">
              <span className="font-mono text-xs break-all">{row.code}</span>
              <Folded below="lg" className="font-mono">
                {row.subscriptionTypeCode}
              </Folded>
              <Folded below="xl" label="Created">
                <Time value={row.createdAt} />
              </Folded>
            </Td>
            <Td>
              <FamilyRequestStatusBadge status={row.status} expired={row.expired} />
            </Td>
            <Td>
              <Link
                href={`/admin/family/masters/${row.masterUserId}`}
                className="break-all text-brand-700 hover:underline"
              >
                {row.masterEmail}
              </Link>
            </Td>
            <Td>
              {row.childUserId !== null && row.childEmail ? (
                <Link
                  href={`/admin/users/${row.childUserId}`}
                  className="break-all text-brand-700 hover:underline"
                >
                  {row.childEmail}
                </Link>
              ) : (
                <span className="text-zinc-400">—</span>
              )}
            </Td>
            <Td className="font-mono text-xs" hideBelow="lg">
              {row.subscriptionTypeCode}
            </Td>
            <Td className="text-xs whitespace-nowrap text-zinc-600">
              <div>
                <Time value={row.masterSubscriptionStartAt} dateOnly />
              </div>
              <div className="text-zinc-500">
                to <Time value={row.masterSubscriptionEndAt} dateOnly />
              </div>
            </Td>
            <Td className="text-xs whitespace-nowrap text-zinc-600" hideBelow="xl">
              <Time value={row.createdAt} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
