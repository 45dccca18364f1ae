import "server-only";
import { and, asc, desc, eq, gte, inArray, lte, ne } from "drizzle-orm";
import { addDays, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { lockUsersOf } from "@/lib/db/lock-order";
import {
  familyRequests,
  familySubscriptionTypes,
  payments,
  recurrentPayments,
  subscriptions,
  type FamilyRequest,
  type FamilySubscriptionType,
  type Subscription,
} from "@/lib/db/schema";
import { recordEvent } from "@/lib/events/record-event";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { childDates } from "./child-dates";
import { lockFamilyMaster } from "./lock-family-master";

/**
 * When a master renews, the children who had accepted get new child subscriptions on the new master's requests
 * (design.md "Family"). A renewal is the same recurrent chain (the new payment was charged by the recurrent payment
 * whose parent paid the old master), or a new master subscription of the same type starting within the family type's
 * gap after the old one ended. Nothing happens when the payment carries `keep_requests_unactivated`. Run it after
 * generateFamilyRequests; a child already renewed is skipped, so running it twice changes nothing.
 */
export async function renewFamilyChildren(
  db: Db,
  options: { subscriptionId: number },
): Promise<FamilyRequest[]> {
  return db.transaction(async (tx) => {
    // lib/db/LOCK-ORDER.md: the master's owner and every child to renew, in id order, before the master subscription.
    await lockUsersOf(tx, async (reader) => {
      const [master] = await reader
        .select()
        .from(subscriptions)
        .where(eq(subscriptions.id, options.subscriptionId));
      if (!master) return [];
      const [familyType] = await reader
        .select()
        .from(familySubscriptionTypes)
        .where(eq(familySubscriptionTypes.masterSubscriptionTypeId, master.subscriptionTypeId));
      const children = familyType ? await childrenToRenew(reader, master, familyType) : [];
      return [master.userId, ...children.flatMap((child) => child.childUserId ?? [])];
    });
    const locked = await lockFamilyMaster(tx, options.subscriptionId);
    if (!locked) return [];
    const { master, familyType } = locked;
    const children = await childrenToRenew(tx, master, familyType);
    if (children.length === 0) return [];
    const mine = await tx
      .select()
      .from(familyRequests)
      .where(eq(familyRequests.masterSubscriptionId, master.id))
      .orderBy(asc(familyRequests.id));
    const renewed: FamilyRequest[] = [];
    const at = now();
    const dates = childDates(
      familyType,
      master,
      new Date(Math.max(at.getTime(), master.startAt.getTime())),
    );
    if (!dates) return [];
    for (const child of children) {
      if (child.childUserId === null) continue;
      if (
        mine.some(
          (request) => request.status === "accepted" && request.childUserId === child.childUserId,
        )
      )
        continue;
      const free = mine.find(
        (request) =>
          request.status === "created" && request.subscriptionTypeId === child.subscriptionTypeId,
      );
      if (!free) continue;
      // Claim the request first: a concurrent activation of the same code makes this update match nothing.
      const [claimed] = await tx
        .update(familyRequests)
        .set({ status: "accepted", childUserId: child.childUserId, acceptedAt: at, updatedAt: at })
        .where(and(eq(familyRequests.id, free.id), eq(familyRequests.status, "created")))
        .returning();
      if (!claimed) continue;
      const subscription = await createSubscription(tx, {
        userId: child.childUserId,
        subscriptionTypeId: free.subscriptionTypeId,
        startAt: dates.startAt,
        endAt: dates.endAt,
        kind: "family",
        isPaid: familyType.isPaid,
        note: `Family renewal from subscription ${master.id}`,
      });
      const [accepted] = await tx
        .update(familyRequests)
        .set({ childSubscriptionId: subscription.id })
        .where(eq(familyRequests.id, claimed.id))
        .returning();
      if (!accepted) throw new Error("the claimed request vanished");
      Object.assign(free, accepted);
      await recordEvent(tx, {
        name: "family.request_accepted",
        userId: child.childUserId,
        payload: {
          request_id: accepted.id,
          code: accepted.code,
          master_user_id: accepted.masterUserId,
          master_subscription_id: master.id,
          subscription_id: subscription.id,
          renewal_of_request_id: child.id,
        },
      });
      renewed.push(accepted);
    }
    return renewed;
  });
}

/** The accepted requests of the master subscription this one renews, oldest first; none when it renews nothing. */
async function childrenToRenew(
  tx: Db,
  master: Subscription,
  familyType: FamilySubscriptionType,
): Promise<FamilyRequest[]> {
  const [payment] = master.paymentId
    ? await tx.select().from(payments).where(eq(payments.id, master.paymentId))
    : [];
  if (payment?.meta.keep_requests_unactivated === true) return [];
  const previous = await findPreviousMaster(
    tx,
    master,
    familyType,
    payment?.recurrentPaymentId ?? null,
  );
  if (!previous) return [];
  return tx
    .select()
    .from(familyRequests)
    .where(
      and(
        eq(familyRequests.masterSubscriptionId, previous.id),
        eq(familyRequests.status, "accepted"),
      ),
    )
    .orderBy(asc(familyRequests.acceptedAt), asc(familyRequests.id));
}

async function findPreviousMaster(
  tx: Db,
  master: Subscription,
  familyType: FamilySubscriptionType,
  recurrentPaymentId: number | null,
): Promise<Subscription | null> {
  const masterTypeIds = tx
    .select({ id: familySubscriptionTypes.masterSubscriptionTypeId })
    .from(familySubscriptionTypes);
  if (recurrentPaymentId !== null) {
    const [chained] = await tx
      .select({ subscription: subscriptions })
      .from(recurrentPayments)
      .innerJoin(subscriptions, eq(subscriptions.paymentId, recurrentPayments.parentPaymentId))
      .where(
        and(
          eq(recurrentPayments.id, recurrentPaymentId),
          ne(subscriptions.id, master.id),
          inArray(subscriptions.subscriptionTypeId, masterTypeIds),
        ),
      )
      .limit(1);
    if (chained) return chained.subscription;
  }
  const [adjacent] = await tx
    .select()
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.userId, master.userId),
        ne(subscriptions.id, master.id),
        eq(subscriptions.subscriptionTypeId, master.subscriptionTypeId),
        lte(subscriptions.endAt, master.startAt),
        gte(subscriptions.endAt, addDays(master.startAt, -familyType.renewalGapDays)),
      ),
    )
    .orderBy(desc(subscriptions.endAt))
    .limit(1);
  return adjacent ?? null;
}
