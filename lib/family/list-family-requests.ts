import "server-only";
import { desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { familyRequests, subscriptions, subscriptionTypes, users, type FamilyRequest } from "@/lib/db/schema";
import { fixedEndOf, isFamilyRequestExpired } from "./request-expiry";

export interface MasterFamilyRequestRow {
  request: FamilyRequest;
  subscriptionTypeCode: string;
  subscriptionTypeName: string;
  slave: { id: number; email: string; name: string | null } | null;
  masterSubscription: { id: number; startAt: Date; endAt: Date; typeName: string };
  expired: boolean;
}

/** Every request of a master (every status), newest first — `GET /api/v1/family/list` and `/account/family`. */
export async function listMasterFamilyRequests(db: Db, options: { masterUserId: number }): Promise<MasterFamilyRequestRow[]> {
  const slave = alias(users, "slave");
  const masterSubscription = alias(subscriptions, "master_subscription");
  const masterType = alias(subscriptionTypes, "master_type");
  const rows = await db
    .select({
      request: familyRequests,
      typeCode: subscriptionTypes.code,
      typeName: subscriptionTypes.name,
      slaveId: slave.id,
      slaveEmail: slave.email,
      slaveName: slave.name,
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
    .leftJoin(slave, eq(slave.id, familyRequests.slaveUserId))
    .where(eq(familyRequests.masterUserId, options.masterUserId))
    .orderBy(desc(familyRequests.createdAt), desc(familyRequests.id));
  const at = now();
  return rows.map((row) => ({
    request: row.request,
    subscriptionTypeCode: row.typeCode,
    subscriptionTypeName: row.typeName,
    slave: row.slaveId !== null && row.slaveEmail !== null ? { id: row.slaveId, email: row.slaveEmail, name: row.slaveName } : null,
    masterSubscription: { id: row.masterSubscriptionId, startAt: row.masterStartAt, endAt: row.masterEndAt, typeName: row.masterTypeName },
    expired: isFamilyRequestExpired({ masterEndAt: row.masterEndAt, expiresAt: row.request.expiresAt, fixedEnd: row.fixedEnd }, at),
  }));
}
