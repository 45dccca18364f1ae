import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { contentAccess, subscriptionTypeContentAccess } from "@/lib/db/schema";

/** The content access codes of a subscription type, as a text[] expression (ordered by sorting, then code). */
export function contentAccessCodesOf(subscriptionTypeId: AnyPgColumn): SQL<string[]> {
  return sql<string[]>`coalesce((
    select array_agg(${contentAccess.code} order by ${contentAccess.sorting}, ${contentAccess.code})
    from ${subscriptionTypeContentAccess}
    join ${contentAccess} on ${contentAccess.id} = ${subscriptionTypeContentAccess.contentAccessId}
    where ${subscriptionTypeContentAccess.subscriptionTypeId} = ${subscriptionTypeId}), '{}')`;
}
