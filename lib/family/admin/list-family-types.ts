import "server-only";
import { asc, eq, getTableColumns, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db";
import {
  familySubscriptionTypes,
  subscriptionTypes,
  type FamilySubscriptionType,
} from "@/lib/db/schema";

export type FamilyTypeListRow = FamilySubscriptionType & {
  masterTypeCode: string;
  masterTypeName: string;
  childTypeCode: string | null;
  childTypeName: string | null;
};

const masterTypes = alias(subscriptionTypes, "master_types");
const childTypes = alias(subscriptionTypes, "child_types");

/** Family types (all, or the given ids) by master type code, with the master and child types' codes and names. */
export async function listFamilyTypes(
  db: Db,
  options: { ids?: number[] } = {},
): Promise<FamilyTypeListRow[]> {
  if (options.ids?.length === 0) return [];
  return db
    .select({
      ...getTableColumns(familySubscriptionTypes),
      masterTypeCode: masterTypes.code,
      masterTypeName: masterTypes.name,
      childTypeCode: childTypes.code,
      childTypeName: childTypes.name,
    })
    .from(familySubscriptionTypes)
    .innerJoin(masterTypes, eq(masterTypes.id, familySubscriptionTypes.masterSubscriptionTypeId))
    .leftJoin(childTypes, eq(childTypes.id, familySubscriptionTypes.childSubscriptionTypeId))
    .where(options.ids ? inArray(familySubscriptionTypes.id, options.ids) : undefined)
    .orderBy(asc(masterTypes.code));
}
