import "server-only";
import { and, count, desc, eq, ilike, type SQL } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { familyRequests, type FamilyRequestStatus } from "@/lib/db/schema";
import {
  masterSubscriptions,
  masterUsers,
  selectFamilyRequestRows,
  withExpired,
  type FamilyRequestRow,
} from "./family-request-rows";

export interface ListFamilyRequestsOptions {
  status?: FamilyRequestStatus;
  masterUserId?: number;
  /** Part of the master's email, case-insensitively. */
  masterEmail?: string;
  /** The type a child subscription from the request gets. */
  subscriptionTypeId?: number;
  /** The master subscription's type (the family type's master type). */
  masterSubscriptionTypeId?: number;
  limit: number;
  offset: number;
}

/** A page of family requests, newest first, with the total that matches the filters. */
export async function listFamilyRequests(
  db: Db,
  options: ListFamilyRequestsOptions,
): Promise<{ rows: FamilyRequestRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (options.status) conditions.push(eq(familyRequests.status, options.status));
  if (options.masterUserId !== undefined)
    conditions.push(eq(familyRequests.masterUserId, options.masterUserId));
  if (options.subscriptionTypeId !== undefined)
    conditions.push(eq(familyRequests.subscriptionTypeId, options.subscriptionTypeId));
  if (options.masterSubscriptionTypeId !== undefined) {
    conditions.push(eq(masterSubscriptions.subscriptionTypeId, options.masterSubscriptionTypeId));
  }
  const term = options.masterEmail?.trim();
  if (term)
    conditions.push(ilike(masterUsers.email, `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const where = and(...conditions);
  const [rows, [totals]] = await Promise.all([
    selectFamilyRequestRows(db)
      .where(where)
      .orderBy(desc(familyRequests.createdAt), desc(familyRequests.id))
      .limit(options.limit)
      .offset(options.offset),
    db
      .select({ total: count() })
      .from(familyRequests)
      .innerJoin(masterUsers, eq(masterUsers.id, familyRequests.masterUserId))
      .innerJoin(
        masterSubscriptions,
        eq(masterSubscriptions.id, familyRequests.masterSubscriptionId),
      )
      .where(where),
  ]);
  return { rows: withExpired(rows, now()), total: totals?.total ?? 0 };
}
