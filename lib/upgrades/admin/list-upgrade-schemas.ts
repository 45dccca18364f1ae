import "server-only";
import { asc, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import {
  subscriptionTypes,
  subscriptionTypeUpgradeSchemas,
  upgradeOptions,
  upgradeSchemas,
  type UpgradeSchema,
} from "@/lib/db/schema";

export type UpgradeSchemaListRow = UpgradeSchema & {
  optionCount: number;
  linkedTypeCodes: string[];
};

/** Upgrade schemas (all, or the given ids) by name, with their option count and linked subscription type codes. */
export async function listUpgradeSchemas(
  db: Db,
  options: { ids?: number[] } = {},
): Promise<UpgradeSchemaListRow[]> {
  if (options.ids?.length === 0) return [];
  // Joins rather than correlated subqueries: drizzle leaves column names unqualified in a select without joins.
  return db
    .select({
      ...getTableColumns(upgradeSchemas),
      optionCount: sql<number>`count(distinct ${upgradeOptions.id})::int`,
      linkedTypeCodes: sql<
        string[]
      >`coalesce(array_agg(distinct ${subscriptionTypes.code}) filter (where ${subscriptionTypes.code} is not null), '{}')`,
    })
    .from(upgradeSchemas)
    .leftJoin(upgradeOptions, eq(upgradeOptions.upgradeSchemaId, upgradeSchemas.id))
    .leftJoin(
      subscriptionTypeUpgradeSchemas,
      eq(subscriptionTypeUpgradeSchemas.upgradeSchemaId, upgradeSchemas.id),
    )
    .leftJoin(
      subscriptionTypes,
      eq(subscriptionTypes.id, subscriptionTypeUpgradeSchemas.subscriptionTypeId),
    )
    .where(options.ids ? inArray(upgradeSchemas.id, options.ids) : undefined)
    .groupBy(upgradeSchemas.id)
    .orderBy(asc(upgradeSchemas.name), asc(upgradeSchemas.id));
}
