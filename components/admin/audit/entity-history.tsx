import "server-only";
import Link from "next/link";
import { hrefWith } from "@/components/admin/search-params";
import { Card, CardHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import type { AuditedTableName } from "@/lib/audit/audited-tables";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { getDb } from "@/lib/db";
import { AuditFieldChanges } from "./audit-field-changes";
import { AuditActor, AuditEntity, OperationBadge } from "./audit-entry-parts";

/** How many changes the card shows; "See all" opens the audit log filtered to the same rows. */
const HISTORY_SHOWN = 20;

/**
 * An entity's latest changes on its admin page (who, through what, which fields), with the rows that belong to it
 * (a user's subscriptions and payments, a scenario's versions: list-audit-log's `includeRelated`). It loads its own
 * data; the page shows it only to staff who may read the audit log.
 */
export async function EntityHistory({
  entityType,
  entityId,
  className,
}: {
  entityType: AuditedTableName;
  entityId: number | string;
  className?: string;
}) {
  const id = String(entityId);
  const { rows, total } = await listAuditLog(await getDb(), {
    entityType,
    entityId: id,
    includeRelated: true,
    limit: HISTORY_SHOWN,
    offset: 0,
  });
  const seeAll = hrefWith("/admin/audit", { entity_type: entityType, entity_id: id, related: "1" });
  return (
    <Card className={className} data-testid="entity-history">
      <CardHeader
        title="History"
        description={
          total === 0
            ? "No staff or API changes logged."
            : total > rows.length
              ? `The latest ${rows.length} of ${total} changes`
              : `${total} change${total === 1 ? "" : "s"}`
        }
        actions={
          total > 0 ? (
            <Link
              href={seeAll}
              className="text-xs font-medium text-brand-700 hover:underline"
              data-testid="entity-history-see-all"
            >
              See all
            </Link>
          ) : null
        }
      />
      {rows.length > 0 ? (
        <ol className="divide-y divide-zinc-100">
          {rows.map((entry) => (
            <li key={entry.id} className="space-y-1.5 px-5 py-3" data-testid="entity-history-row">
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                <OperationBadge operation={entry.operation} />
                {entry.entityType === entityType && entry.entityId === id ? null : (
                  <AuditEntity entry={entry} />
                )}
                <span className="ml-auto text-xs whitespace-nowrap text-zinc-500">
                  <Time value={entry.occurredAt} />
                </span>
              </div>
              <div className="flex flex-wrap items-baseline gap-x-2 text-xs text-zinc-500">
                <AuditActor entry={entry} />
                <span className="font-mono break-words">{entry.action}</span>
              </div>
              <AuditFieldChanges entry={entry} />
            </li>
          ))}
        </ol>
      ) : null}
    </Card>
  );
}
