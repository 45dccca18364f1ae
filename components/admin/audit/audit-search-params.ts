import { readEnum, readText, type SearchParams } from "@/components/admin/search-params";
import { AUDITED_TABLE_NAMES } from "@/lib/audit/audited-tables";
import type { AuditLogFilters } from "@/lib/audit/list-audit-log";
import { actorFilter, auditDateBoundSchema, auditPeriod } from "@/lib/audit/schemas";

/** The audit page's filters as they stand in its URL (`?actor=user:3&entity_type=users&entity_id=7&related=1`). */
export interface AuditSearch {
  actor?: string;
  action?: string;
  entity_type?: string;
  entity_id?: string;
  related?: "1";
  from?: string;
  to?: string;
}

const readDay = (params: SearchParams, key: string) => {
  const text = readText(params, key);
  return text && auditDateBoundSchema.safeParse(text).success ? text : undefined;
};

/** The URL's filters, each dropped when it does not parse (a hand-edited URL shows the whole log, not an error). */
export function readAuditSearch(params: SearchParams): AuditSearch {
  const actor = readText(params, "actor");
  const search: AuditSearch = {
    actor: actor && Object.keys(actorFilter(actor)).length > 0 ? actor : undefined,
    action: readText(params, "action"),
    entity_type: readEnum(params, "entity_type", AUDITED_TABLE_NAMES),
    entity_id: readText(params, "entity_id"),
    from: readDay(params, "from"),
    to: readDay(params, "to"),
  };
  if (readText(params, "related") === "1" && search.entity_type && search.entity_id)
    search.related = "1";
  return search;
}

export function auditFiltersOf(search: AuditSearch): AuditLogFilters {
  return {
    ...actorFilter(search.actor),
    action: search.action,
    entityType: search.entity_type,
    entityId: search.entity_id,
    includeRelated: search.related === "1",
    ...auditPeriod(search),
  };
}
