import Link from "next/link";
import { hrefWith } from "@/components/admin/search-params";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { entityHref, entityLabel, type AuditOperation } from "@/lib/audit/audited-tables";
import type { AuditLogEntry } from "@/lib/audit/list-audit-log";

/** The pieces of one audit entry the log page's table and an entity's history card both show. */

const OPERATIONS: Record<AuditOperation, { label: string; tone: BadgeTone }> = {
  insert: { label: "created", tone: "green" },
  update: { label: "changed", tone: "blue" },
  delete: { label: "deleted", tone: "red" },
  event: { label: "recorded", tone: "gray" },
};

export function OperationBadge({ operation }: { operation: AuditOperation }) {
  const { label, tone } = OPERATIONS[operation];
  return <Badge tone={tone}>{label}</Badge>;
}

/** Who: the staff member's email or the token's name now (and as logged, when it differs), filtering the log by them. */
export function AuditActor({ entry }: { entry: AuditLogEntry }) {
  const byToken = entry.actorTokenId !== null;
  const current = byToken
    ? entry.actorTokenName === null
      ? null
      : `token ${entry.actorTokenName}`
    : entry.actorUserEmail;
  const filter = byToken ? `token:${entry.actorTokenId}` : `user:${entry.actorUserId}`;
  return (
    <span className="min-w-0">
      <Link
        href={hrefWith("/admin/audit", { actor: filter })}
        className="font-medium break-words text-zinc-900 hover:text-brand-700 hover:underline"
        title="Show this actor's changes"
        data-testid="audit-actor"
      >
        {current ?? entry.actorLabel}
      </Link>
      {current !== null && current !== entry.actorLabel ? (
        <span className="block text-xs text-zinc-500">then {entry.actorLabel}</span>
      ) : null}
    </span>
  );
}

/** What: the entity's kind and id, linked to its admin page when it has one. */
export function AuditEntity({ entry }: { entry: AuditLogEntry }) {
  const label = [entityLabel(entry.entityType), entityName(entry.entityId)].join(" ").trim();
  const href = entityHref(entry.entityType, entry.entityId, {
    ...entry.before,
    ...entry.after,
    ...entry.ownerIds,
  });
  return href ? (
    <Link
      href={href}
      className="font-medium text-brand-700 hover:underline"
      data-testid="audit-entity"
    >
      {label}
    </Link>
  ) : (
    <span className="font-medium text-zinc-900" data-testid="audit-entity">
      {label}
    </span>
  );
}

/** `#12` for a row id, a setting's key as it is. */
function entityName(entityId: string | null): string {
  if (entityId === null) return "";
  return /^\d+$/.test(entityId) ? `#${entityId}` : entityId;
}
