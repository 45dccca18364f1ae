import Link from "next/link";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
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
          <Th>Type</Th>
          <Th>Master subscription</Th>
          <Th>Created</Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr key={row.id} data-testid={`family-request-row-${row.code}`}>
            <Td className="font-mono text-xs">{row.code}</Td>
            <Td>
              <FamilyRequestStatusBadge status={row.status} expired={row.expired} />
            </Td>
            <Td>
              <Link
                href={`/admin/family/masters/${row.masterUserId}`}
                className="text-brand-700 hover:underline"
              >
                {row.masterEmail}
              </Link>
            </Td>
            <Td>
              {row.childUserId !== null && row.childEmail ? (
                <Link
                  href={`/admin/users/${row.childUserId}`}
                  className="text-brand-700 hover:underline"
                >
                  {row.childEmail}
                </Link>
              ) : (
                <span className="text-zinc-400">—</span>
              )}
            </Td>
            <Td className="font-mono text-xs">{row.subscriptionTypeCode}</Td>
            <Td className="whitespace-nowrap text-zinc-600">
              {formatDate(row.masterSubscriptionStartAt)} –{" "}
              {formatDate(row.masterSubscriptionEndAt)}
            </Td>
            <Td className="whitespace-nowrap text-zinc-600">{formatDateTime(row.createdAt)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
