import { Folded, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { AuditLogEntry } from "@/lib/audit/list-audit-log";
import { AuditFieldChanges } from "./audit-field-changes";
import { AuditActor, AuditEntity, OperationBadge } from "./audit-entry-parts";

/** The audit log page's table: when, who (and from where), through what, which row, and what changed. */
export function AuditLogTable({ rows }: { rows: AuditLogEntry[] }) {
  return (
    <Table data-testid="audit-table">
      <THead>
        <Tr>
          <Th>Time</Th>
          <Th>Actor</Th>
          <Th hideBelow="xl">Action</Th>
          <Th>Entity</Th>
          <Th>Changes</Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((entry) => (
          <Tr key={entry.id} className="align-top" data-testid="audit-row">
            <Td className="text-xs whitespace-nowrap text-zinc-500">
              <Time value={entry.occurredAt} />
            </Td>
            <Td className="max-w-56">
              <AuditActor entry={entry} />
              {entry.clientAddress ? (
                <span className="block font-mono text-xs break-all text-zinc-400">
                  {entry.clientAddress}
                </span>
              ) : null}
              <Folded below="xl" className="font-mono break-words text-zinc-600">
                {entry.action}
              </Folded>
            </Td>
            <Td className="font-mono text-xs break-words text-zinc-600" hideBelow="xl">
              {entry.action}
            </Td>
            <Td className="whitespace-nowrap">
              <AuditEntity entry={entry} />
              <span className="mt-0.5 block">
                <OperationBadge operation={entry.operation} />
              </span>
            </Td>
            <Td className="max-w-md min-w-56">
              <AuditFieldChanges entry={entry} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
