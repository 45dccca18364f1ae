import "server-only";
import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db";
import { familyRequests, subscriptions, subscriptionTypes, users } from "@/lib/db/schema";
import { fixedEndOf, isFamilyRequestExpired } from "../request-expiry";

/** The shared select of the admin's request lists: a request with its people, type and master subscription dates. */

const masterUsers = alias(users, "master_users");
const childUsers = alias(users, "child_users");
const masterSubscriptions = alias(subscriptions, "master_subscriptions");

export function selectFamilyRequestRows(db: Db) {
  return db
    .select({
      id: familyRequests.id,
      code: familyRequests.code,
      status: familyRequests.status,
      note: familyRequests.note,
      masterUserId: familyRequests.masterUserId,
      masterEmail: masterUsers.email,
      childUserId: familyRequests.childUserId,
      childEmail: childUsers.email,
      masterSubscriptionId: familyRequests.masterSubscriptionId,
      masterSubscriptionStartAt: masterSubscriptions.startAt,
      masterSubscriptionEndAt: masterSubscriptions.endAt,
      masterSubscriptionTypeId: masterSubscriptions.subscriptionTypeId,
      childSubscriptionId: familyRequests.childSubscriptionId,
      subscriptionTypeId: familyRequests.subscriptionTypeId,
      subscriptionTypeCode: subscriptionTypes.code,
      subscriptionTypeName: subscriptionTypes.name,
      replacesRequestId: familyRequests.replacesRequestId,
      createdAt: familyRequests.createdAt,
      openedAt: familyRequests.openedAt,
      acceptedAt: familyRequests.acceptedAt,
      canceledAt: familyRequests.canceledAt,
      expiresAt: familyRequests.expiresAt,
      fixedEnd: fixedEndOf(masterSubscriptions.subscriptionTypeId),
    })
    .from(familyRequests)
    .innerJoin(masterUsers, eq(masterUsers.id, familyRequests.masterUserId))
    .leftJoin(childUsers, eq(childUsers.id, familyRequests.childUserId))
    .innerJoin(masterSubscriptions, eq(masterSubscriptions.id, familyRequests.masterSubscriptionId))
    .innerJoin(subscriptionTypes, eq(subscriptionTypes.id, familyRequests.subscriptionTypeId))
    .$dynamic();
}

export { masterUsers, masterSubscriptions };

type SelectedRow = Awaited<
  ReturnType<ReturnType<typeof selectFamilyRequestRows>["execute"]>
>[number];

/** design.md "Family": expired as lib/family/request-expiry.ts says. */
export type FamilyRequestRow = SelectedRow & { expired: boolean };

export function withExpired(rows: SelectedRow[], at: Date): FamilyRequestRow[] {
  return rows.map((row) => ({
    ...row,
    expired: isFamilyRequestExpired(
      {
        masterEndAt: row.masterSubscriptionEndAt,
        expiresAt: row.expiresAt,
        fixedEnd: row.fixedEnd,
      },
      at,
    ),
  }));
}
