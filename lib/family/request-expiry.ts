import "server-only";
import { getTableName, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { familySubscriptionTypes } from "@/lib/db/schema";

/**
 * The fixed end date children of a master subscription's type get (method `fixed`), as a scalar subquery on the
 * master subscription's type column; null for the other methods.
 */
export function fixedEndOf(masterSubscriptionTypeId: AnyPgColumn): SQL<Date | null> {
  const outer = sql`${sql.identifier(getTableName(masterSubscriptionTypeId.table))}.${sql.identifier(masterSubscriptionTypeId.name)}`;
  return sql`(select ${familySubscriptionTypes.donationFixedEnd} from ${familySubscriptionTypes}
    where ${familySubscriptionTypes.masterSubscriptionTypeId} = ${outer} and ${familySubscriptionTypes.donationMethod} = 'fixed')`.mapWith(
    (value: string | Date | null) => (value === null ? null : new Date(value)),
  );
}

/**
 * design.md "Family": a request is expired when its master subscription has ended or its expires_at passed — and,
 * for a `fixed` family, once the fixed end date has passed (a child would get nothing).
 */
export function isFamilyRequestExpired(
  row: { masterEndAt: Date; expiresAt: Date | null; fixedEnd: Date | null },
  at: Date,
): boolean {
  const t = at.getTime();
  return (
    row.masterEndAt.getTime() <= t ||
    (row.expiresAt !== null && row.expiresAt.getTime() <= t) ||
    (row.fixedEnd !== null && row.fixedEnd.getTime() <= t)
  );
}
