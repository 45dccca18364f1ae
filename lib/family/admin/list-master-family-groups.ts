import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { familyRequests } from "@/lib/db/schema";
import {
  masterSubscriptions,
  selectFamilyRequestRows,
  withExpired,
  type FamilyRequestRow,
} from "./family-request-rows";

export interface MasterSubscriptionGroup {
  masterSubscriptionId: number;
  masterSubscriptionTypeId: number;
  startAt: Date;
  endAt: Date;
  /** The master subscription has ended. */
  ended: boolean;
  requests: FamilyRequestRow[];
}

// A master holds a handful of subscriptions with up to FAMILY_TYPE_MAX_COUNT codes each; this bounds the page.
const MASTER_VIEW_LIMIT = 2000;

/** One master's requests grouped by master subscription, newest subscription first; codes in creation order. */
export async function listMasterFamilyGroups(
  db: Db,
  options: { masterUserId: number },
): Promise<MasterSubscriptionGroup[]> {
  const rows = await selectFamilyRequestRows(db)
    .where(eq(familyRequests.masterUserId, options.masterUserId))
    .orderBy(
      desc(masterSubscriptions.startAt),
      desc(familyRequests.masterSubscriptionId),
      asc(familyRequests.id),
    )
    .limit(MASTER_VIEW_LIMIT);
  const at = now();
  const groups = new Map<number, MasterSubscriptionGroup>();
  for (const row of withExpired(rows, at)) {
    let group = groups.get(row.masterSubscriptionId);
    if (!group) {
      group = {
        masterSubscriptionId: row.masterSubscriptionId,
        masterSubscriptionTypeId: row.masterSubscriptionTypeId,
        startAt: row.masterSubscriptionStartAt,
        endAt: row.masterSubscriptionEndAt,
        ended: row.masterSubscriptionEndAt.getTime() <= at.getTime(),
        requests: [],
      };
      groups.set(row.masterSubscriptionId, group);
    }
    group.requests.push(row);
  }
  return [...groups.values()];
}
