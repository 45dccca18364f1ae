import "server-only";
import { asc, eq, getTableColumns } from "drizzle-orm";
import type { Db } from "@/lib/db";
import {
  subscriptionTypes,
  subscriptionTypeUpgradeSchemas,
  upgradeOptions,
  upgradeSchemas,
  type UpgradeOption,
  type UpgradeSchema,
} from "@/lib/db/schema";

export type UpgradeOptionRow = UpgradeOption & {
  targetTypeCode: string | null;
  targetTypeName: string | null;
};

export interface UpgradeSchemaDetail {
  schema: UpgradeSchema;
  options: UpgradeOptionRow[];
  linkedTypes: { id: number; code: string; name: string }[];
}

/** An upgrade schema with its options (oldest first) and linked subscription types (by code), or null. */
export async function findUpgradeSchema(
  db: Db,
  schemaId: number,
): Promise<UpgradeSchemaDetail | null> {
  const [schema] = await db
    .select()
    .from(upgradeSchemas)
    .where(eq(upgradeSchemas.id, schemaId))
    .limit(1);
  if (!schema) return null;
  const [options, linkedTypes] = await Promise.all([
    db
      .select({
        ...getTableColumns(upgradeOptions),
        targetTypeCode: subscriptionTypes.code,
        targetTypeName: subscriptionTypes.name,
      })
      .from(upgradeOptions)
      .leftJoin(subscriptionTypes, eq(subscriptionTypes.id, upgradeOptions.subscriptionTypeId))
      .where(eq(upgradeOptions.upgradeSchemaId, schemaId))
      .orderBy(asc(upgradeOptions.id)),
    db
      .select({
        id: subscriptionTypes.id,
        code: subscriptionTypes.code,
        name: subscriptionTypes.name,
      })
      .from(subscriptionTypeUpgradeSchemas)
      .innerJoin(
        subscriptionTypes,
        eq(subscriptionTypes.id, subscriptionTypeUpgradeSchemas.subscriptionTypeId),
      )
      .where(eq(subscriptionTypeUpgradeSchemas.upgradeSchemaId, schemaId))
      .orderBy(asc(subscriptionTypes.code)),
  ]);
  return { schema, options, linkedTypes };
}
