import "server-only";
import { desc, eq, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db";
import {
  familyRequests,
  goalCompletions,
  payments,
  recurrentPayments,
  referrals,
  scenarioVersions,
  subscriptions,
  upgradeOptions,
} from "@/lib/db/schema";
import type { AuditedTableName } from "./audited-tables";
import { INT4_MAX } from "@/lib/api/request-schemas";

/** Rows of one audited table, by the ids the log names them with. */
export interface EntityRef {
  entityType: AuditedTableName;
  entityIds: string[];
}

/** How many rows of each related table a history looks at, newest first: a bound for unusually long histories. */
const RELATED_ROWS_LIMIT = 200;

interface Relation {
  entityType: AuditedTableName;
  table: PgTable;
  id: PgColumn;
  /** The column that points at the entity the history is about. */
  owner: PgColumn;
}

/**
 * The rows of other tables that belong to an entity and whose changes its history shows: a user's subscriptions,
 * payments, recurrent payments, family codes, referrals and goal completions; a scenario's versions; an upgrade
 * schema's options. Found by their current owner column (indexed), so rows deleted since are not included.
 */
const RELATIONS: Partial<Record<AuditedTableName, Relation[]>> = {
  users: [
    {
      entityType: "subscriptions",
      table: subscriptions,
      id: subscriptions.id,
      owner: subscriptions.userId,
    },
    { entityType: "payments", table: payments, id: payments.id, owner: payments.userId },
    {
      entityType: "recurrent_payments",
      table: recurrentPayments,
      id: recurrentPayments.id,
      owner: recurrentPayments.userId,
    },
    {
      entityType: "family_requests",
      table: familyRequests,
      id: familyRequests.id,
      owner: familyRequests.masterUserId,
    },
    {
      entityType: "referrals",
      table: referrals,
      id: referrals.id,
      owner: referrals.referrerUserId,
    },
    {
      entityType: "goal_completions",
      table: goalCompletions,
      id: goalCompletions.id,
      owner: goalCompletions.userId,
    },
  ],
  scenarios: [
    {
      entityType: "scenario_versions",
      table: scenarioVersions,
      id: scenarioVersions.id,
      owner: scenarioVersions.scenarioId,
    },
  ],
  upgrade_schemas: [
    {
      entityType: "upgrade_options",
      table: upgradeOptions,
      id: upgradeOptions.id,
      owner: upgradeOptions.upgradeSchemaId,
    },
  ],
};

/**
 * Tables whose rows the log names by the id of the entity they belong to (they have no id of their own: the trigger
 * falls back to `subscription_type_id`), so the entity's id finds them directly.
 */
const NAMED_BY_OWNER: Partial<Record<AuditedTableName, AuditedTableName[]>> = {
  subscription_types: ["subscription_type_content_access", "subscription_type_upgrade_schemas"],
};

/** The entity itself and the rows that belong to it, for its history (list-audit-log's `includeRelated`). */
export async function relatedEntities(
  db: Db,
  entity: { entityType: AuditedTableName; entityId: string },
): Promise<EntityRef[]> {
  const refs: EntityRef[] = [{ entityType: entity.entityType, entityIds: [entity.entityId] }];
  for (const entityType of NAMED_BY_OWNER[entity.entityType] ?? [])
    refs.push({ entityType, entityIds: [entity.entityId] });
  const relations = RELATIONS[entity.entityType] ?? [];
  // Owner columns are int4: an id outside it names no row (and would be a query error, not an empty answer).
  const ownerId = /^\d{1,10}$/.test(entity.entityId) ? Number(entity.entityId) : null;
  if (relations.length === 0 || ownerId === null || ownerId > INT4_MAX) return refs;
  const found = await Promise.all(
    relations.map((relation) => idsOwnedBy(db, relation, eq(relation.owner, ownerId))),
  );
  relations.forEach((relation, index) => {
    const ids = found[index] ?? [];
    if (ids.length > 0) refs.push({ entityType: relation.entityType, entityIds: ids });
  });
  return refs;
}

async function idsOwnedBy(db: Db, relation: Relation, owned: SQL): Promise<string[]> {
  const rows = await db
    .select({ id: relation.id })
    .from(relation.table)
    .where(owned)
    .orderBy(desc(relation.id))
    .limit(RELATED_ROWS_LIMIT);
  return rows.map((row) => String(row.id));
}
