import "server-only";
import { desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import {
  familyRequests,
  subscriptions,
  subscriptionTypes,
  users,
  type FamilyRequest,
} from "@/lib/db/schema";
import { fixedEndOf, isFamilyRequestExpired } from "./request-expiry";

export interface MasterFamilyRequestRow {
  request: FamilyRequest;
  subscriptionTypeCode: string;
  subscriptionTypeName: string;
  child: { id: number; email: string; name: string | null } | null;
  masterSubscription: { id: number; startAt: Date; endAt: Date; typeName: string };
  expired: boolean;
}

/** Every request of a master (every status), newest first — `GET /api/v1/family/list` and `/account/family`. */
export async function listMasterFamilyRequests(
  db: Db,
  options: { masterUserId: number },
): Promise<MasterFamilyRequestRow[]> {
  const child = alias(users, "child");
  const masterSubscription = alias(subscriptions, "master_subscription");
  const masterType = alias(subscriptionTypes, "master_type");
  const rows = await db
    .select({
      request: familyRequests,
      typeCode: subscriptionTypes.code,
      typeName: subscriptionTypes.name,
      childId: child.id,
      childEmail: child.email,
      childName: child.name,
      masterSubscriptionId: masterSubscription.id,
      masterStartAt: masterSubscription.startAt,
      masterEndAt: masterSubscription.endAt,
      masterTypeName: masterType.name,
      fixedEnd: fixedEndOf(masterSubscription.subscriptionTypeId),
    })
    .from(familyRequests)
    .innerJoin(subscriptionTypes, eq(subscriptionTypes.id, familyRequests.subscriptionTypeId))
    .innerJoin(masterSubscription, eq(masterSubscription.id, familyRequests.masterSubscriptionId))
    .innerJoin(masterType, eq(masterType.id, masterSubscription.subscriptionTypeId))
    .leftJoin(child, eq(child.id, familyRequests.childUserId))
    .where(eq(familyRequests.masterUserId, options.masterUserId))
    .orderBy(desc(familyRequests.createdAt), desc(familyRequests.id));
  const at = now();
  return rows.map((row) => ({
    request: row.request,
    subscriptionTypeCode: row.typeCode,
    subscriptionTypeName: row.typeName,
    child:
      row.childId !== null && row.childEmail !== null
        ? { id: row.childId, email: row.childEmail, name: row.childName }
        : null,
    masterSubscription: {
      id: row.masterSubscriptionId,
      startAt: row.masterStartAt,
      endAt: row.masterEndAt,
      typeName: row.masterTypeName,
    },
    expired: isFamilyRequestExpired(
      { masterEndAt: row.masterEndAt, expiresAt: row.request.expiresAt, fixedEnd: row.fixedEnd },
      at,
    ),
  }));
}
