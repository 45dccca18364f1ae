import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { FamilyTypeListRow } from "@/lib/family/admin/list-family-types";

function donation(row: FamilyTypeListRow) {
  if (row.donationMethod === "days") return `${row.donationDays} days from activation`;
  if (row.donationMethod === "fixed")
    return (
      <>
        until <Time value={row.donationFixedEnd} />
      </>
    );
  return "copies the master's dates";
}

export function FamilyTypesTable({ rows }: { rows: FamilyTypeListRow[] }) {
  return (
    <Table data-testid="family-types-table">
      <THead>
        <Tr>
          <Th>Master type</Th>
          <Th>Child type</Th>
          <Th>Donation</Th>
          <Th className="text-right">Codes</Th>
          <Th>Flags</Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr key={row.id} data-testid={`family-type-row-${row.masterTypeCode}`}>
            <Td>
              <Link
                href={`/admin/family/types/${row.id}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {row.masterTypeName}
              </Link>
              <span className="block font-mono text-xs text-zinc-500">{row.masterTypeCode}</span>
            </Td>
            <Td>
              {row.childTypeCode ? (
                <>
                  {row.childTypeName}
                  <span className="block font-mono text-xs text-zinc-500">{row.childTypeCode}</span>
                </>
              ) : (
                <span className="text-zinc-500">Customizable</span>
              )}
            </Td>
            <Td className="text-zinc-600">{donation(row)}</Td>
            <Td className="text-right tabular-nums">{row.count === 0 ? "dynamic" : row.count}</Td>
            <Td>
              <span className="inline-flex flex-wrap gap-1">
                {row.isPaid ? <Badge tone="green">paid</Badge> : <Badge>free</Badge>}
                {row.allowSelfUse ? <Badge tone="violet">self-use</Badge> : null}
                {row.renewalGapDays > 0 ? (
                  <Badge tone="blue">gap {row.renewalGapDays}d</Badge>
                ) : null}
              </span>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
