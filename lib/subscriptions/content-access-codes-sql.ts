import "server-only";
import { getTableName, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { contentAccess, subscriptionTypeContentAccess } from "@/lib/db/schema";

/**
 * The content access codes of a subscription type, as a text[] expression (ordered by sorting, then code). The outer
 * column is always table-qualified: drizzle leaves columns bare in a single-table query, and a bare "id" inside this
 * subquery would mean content_access.id.
 */
export function contentAccessCodesOf(subscriptionTypeId: AnyPgColumn): SQL<string[]> {
  const outer = sql`${sql.identifier(getTableName(subscriptionTypeId.table))}.${sql.identifier(subscriptionTypeId.name)}`;
  return sql<string[]>`coalesce((
    select array_agg(${contentAccess.code} order by ${contentAccess.sorting}, ${contentAccess.code})
    from ${subscriptionTypeContentAccess}
    join ${contentAccess} on ${contentAccess.id} = ${subscriptionTypeContentAccess.contentAccessId}
    where ${subscriptionTypeContentAccess.subscriptionTypeId} = ${outer}), '{}')`;
}
