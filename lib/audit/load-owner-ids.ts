import "server-only";
import { getTableColumns, inArray } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db";
import {
  discountCodes,
  familyRequests,
  goalCompletions,
  payments,
  recurrentPayments,
  referralRewards,
  referrals,
  scenarioVersions,
  subscriptions,
  upgradeOptions,
  userBanners,
} from "@/lib/db/schema";
import { ownerFieldOf, type AuditedTableName } from "./audited-tables";

/**
 * Tables whose rows lead to an admin page through what they belong to (audited-tables.ts `ownerPage`). An update
 * logs only the fields it changed, so the owner's id is read from the row as it is now.
 */
const OWNED_TABLES: Partial<Record<AuditedTableName, PgTable>> = {
  subscriptions,
  payments,
  recurrent_payments: recurrentPayments,
  upgrade_options: upgradeOptions,
  family_requests: familyRequests,
  referrals,
  referral_rewards: referralRewards,
  discount_codes: discountCodes,
  scenario_versions: scenarioVersions,
  user_banners: userBanners,
  goal_completions: goalCompletions,
};

interface LoggedRow {
  id: number;
  entityType: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * For log rows whose fields lack their owner's id (`{ user_id: 5 }` for a subscription's update), that id from the
 * row now, by log row id. One query per table on a page of rows; a row deleted since has none.
 */
export async function loadOwnerIds(
  db: Db,
  rows: LoggedRow[],
): Promise<Map<number, Record<string, number>>> {
  const wanted = new Map<AuditedTableName, { field: string; logRows: LoggedRow[] }>();
  for (const row of rows) {
    const field = ownerFieldOf(row.entityType);
    const table = OWNED_TABLES[row.entityType as AuditedTableName];
    if (!field || !table || !/^\d+$/.test(row.entityId ?? "")) continue;
    if (field in (row.after ?? {}) || field in (row.before ?? {})) continue;
    const entry = wanted.get(row.entityType as AuditedTableName) ?? { field, logRows: [] };
    entry.logRows.push(row);
    wanted.set(row.entityType as AuditedTableName, entry);
  }
  const found = new Map<number, Record<string, number>>();
  await Promise.all(
    [...wanted].map(async ([entityType, { field, logRows }]) => {
      const table = OWNED_TABLES[entityType]!;
      const columns = Object.values(getTableColumns(table));
      const id = columns.find((column) => column.name === "id");
      const owner = columns.find((column) => column.name === field);
      if (!id || !owner) throw new Error(`${entityType} has no id or ${field} column`);
      const current = await db
        .select({ id, owner })
        .from(table)
        .where(
          inArray(
            id,
            logRows.map((row) => Number(row.entityId)),
          ),
        );
      const ownerById = new Map(current.map((row) => [String(row.id), row.owner]));
      for (const row of logRows) {
        const value = ownerById.get(row.entityId ?? "");
        if (typeof value === "number") found.set(row.id, { [field]: value });
      }
    }),
  );
  return found;
}
