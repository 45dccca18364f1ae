import "server-only";
import { and, asc, eq, gt } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { familyRequests, subscriptions, subscriptionTypes, users } from "@/lib/db/schema";
import { maskEmail } from "@/lib/mask-email";

export interface FamilyMembership {
  /** The code the member activated: what they leave by. */
  code: string;
  /** The master's name, else their masked email (a member does not get the owner's address). */
  ownerLabel: string;
  /** The plan: the master subscription's type. */
  planName: string;
  /** What the member got. */
  subscriptionTypeName: string;
  startAt: Date;
  endAt: Date;
}

const masterSubscriptions = alias(subscriptions, "master_subscriptions");
const masterTypes = alias(subscriptionTypes, "master_types");
const childSubscriptions = alias(subscriptions, "child_subscriptions");

/** The families a user is a member of now: their accepted requests whose child subscription has not ended. */
export async function listFamilyMemberships(
  db: Db,
  options: { childUserId: number },
): Promise<FamilyMembership[]> {
  const rows = await db
    .select({
      code: familyRequests.code,
      masterName: users.name,
      masterEmail: users.email,
      planName: masterTypes.name,
      subscriptionTypeName: subscriptionTypes.name,
      startAt: childSubscriptions.startAt,
      endAt: childSubscriptions.endAt,
    })
    .from(familyRequests)
    .innerJoin(users, eq(users.id, familyRequests.masterUserId))
    .innerJoin(masterSubscriptions, eq(masterSubscriptions.id, familyRequests.masterSubscriptionId))
    .innerJoin(masterTypes, eq(masterTypes.id, masterSubscriptions.subscriptionTypeId))
    .innerJoin(childSubscriptions, eq(childSubscriptions.id, familyRequests.childSubscriptionId))
    .innerJoin(subscriptionTypes, eq(subscriptionTypes.id, familyRequests.subscriptionTypeId))
    .where(
      and(
        eq(familyRequests.childUserId, options.childUserId),
        eq(familyRequests.status, "accepted"),
        gt(childSubscriptions.endAt, now()),
      ),
    )
    .orderBy(asc(childSubscriptions.startAt), asc(familyRequests.id));
  return rows.map(({ masterName, masterEmail, ...row }) => ({
    ...row,
    ownerLabel: masterName?.trim() || maskEmail(masterEmail),
  }));
}
