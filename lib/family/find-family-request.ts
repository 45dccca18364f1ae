import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import {
  familyRequests,
  familySubscriptionTypes,
  subscriptions,
  subscriptionTypes,
  users,
  type FamilyDonationMethod,
  type FamilyRequest,
} from "@/lib/db/schema";
import { contentAccessCodesOf } from "@/lib/subscriptions/content-access-codes-sql";
import { FAMILY_CODE_PATTERN } from "./family-code";
import { isFamilyRequestExpired } from "./request-expiry";

export interface FamilyRequestView {
  request: FamilyRequest;
  master: { id: number; email: string; name: string | null };
  subscriptionType: { code: string; name: string; lengthDays: number; contentAccess: string[] };
  masterSubscription: { startAt: Date; endAt: Date };
  donationMethod: FamilyDonationMethod;
  donationDays: number | null;
  donationFixedEnd: Date | null;
  /** Whether the master may activate their own codes. */
  allowSelfUse: boolean;
  /** The master subscription has ended or the code's expires_at passed. */
  expired: boolean;
}

/**
 * What a code gives and whose it is (the activation page). `markOpened` records the first opening — not by the
 * master (`viewerId`), whose own look at the link says nothing about the friend.
 */
export async function findFamilyRequestByCode(
  db: Db,
  code: string,
  options: { markOpened?: boolean; viewerId?: number | null } = {},
): Promise<FamilyRequestView | null> {
  const normalized = code.trim().toLowerCase();
  if (!FAMILY_CODE_PATTERN.test(normalized)) return null;
  const masterSubscription = alias(subscriptions, "master_subscription");
  const [row] = await db
    .select({
      request: familyRequests,
      masterId: users.id,
      masterEmail: users.email,
      masterName: users.name,
      typeCode: subscriptionTypes.code,
      typeName: subscriptionTypes.name,
      typeLengthDays: subscriptionTypes.lengthDays,
      contentAccess: contentAccessCodesOf(subscriptionTypes.id),
      masterStartAt: masterSubscription.startAt,
      masterEndAt: masterSubscription.endAt,
      donationMethod: familySubscriptionTypes.donationMethod,
      donationDays: familySubscriptionTypes.donationDays,
      donationFixedEnd: familySubscriptionTypes.donationFixedEnd,
      allowSelfUse: familySubscriptionTypes.allowSelfUse,
    })
    .from(familyRequests)
    .innerJoin(users, eq(users.id, familyRequests.masterUserId))
    .innerJoin(subscriptionTypes, eq(subscriptionTypes.id, familyRequests.subscriptionTypeId))
    .innerJoin(masterSubscription, eq(masterSubscription.id, familyRequests.masterSubscriptionId))
    .leftJoin(
      familySubscriptionTypes,
      eq(familySubscriptionTypes.masterSubscriptionTypeId, masterSubscription.subscriptionTypeId),
    )
    .where(eq(familyRequests.code, normalized));
  if (!row) return null;
  let request = row.request;
  if (
    options.markOpened &&
    request.openedAt === null &&
    options.viewerId !== request.masterUserId
  ) {
    const [opened] = await db
      .update(familyRequests)
      .set({ openedAt: now() })
      .where(and(eq(familyRequests.id, request.id), isNull(familyRequests.openedAt)))
      .returning();
    if (opened) request = opened;
  }
  return {
    request,
    master: { id: row.masterId, email: row.masterEmail, name: row.masterName },
    subscriptionType: {
      code: row.typeCode,
      name: row.typeName,
      lengthDays: row.typeLengthDays,
      contentAccess: row.contentAccess,
    },
    masterSubscription: { startAt: row.masterStartAt, endAt: row.masterEndAt },
    donationMethod: row.donationMethod ?? "copy",
    donationDays: row.donationDays,
    donationFixedEnd: row.donationFixedEnd,
    allowSelfUse: row.allowSelfUse ?? false,
    expired: isFamilyRequestExpired(
      {
        masterEndAt: row.masterEndAt,
        expiresAt: request.expiresAt,
        fixedEnd: row.donationMethod === "fixed" ? row.donationFixedEnd : null,
      },
      now(),
    ),
  };
}
