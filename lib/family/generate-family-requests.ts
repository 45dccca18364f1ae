import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { familyRequests, paymentItems, type FamilyRequest } from "@/lib/db/schema";
import { createFamilyRequest } from "./create-family-request";
import { lockFamilyMaster } from "./lock-family-master";
import { originalPaymentId } from "./original-payment-id";
import { paidFamilySeats } from "./paid-family-seats";

/**
 * Top a master subscription's requests up to what its family type gives (design.md "Family"): `count`, or with
 * `count = 0` the payment item's count for the master type, or for a customizable type (no child type) one request
 * per unit of each other subscription-type item of the payment — plus the extra seats bought for this master
 * subscription and paid (createFamilySeatsPayment). Canceled requests do not count. The master
 * subscription's row is locked, so running this twice (or concurrently) creates nothing extra.
 */
export async function generateFamilyRequests(
  db: Db,
  options: { subscriptionId: number },
): Promise<FamilyRequest[]> {
  return db.transaction(async (tx) => {
    const locked = await lockFamilyMaster(tx, options.subscriptionId);
    if (!locked) return [];
    const { master, familyType } = locked;

    const itemsPaymentId = master.paymentId ? await originalPaymentId(tx, master.paymentId) : null;
    const items = itemsPaymentId
      ? await tx
          .select({
            subscriptionTypeId: paymentItems.subscriptionTypeId,
            count: paymentItems.count,
          })
          .from(paymentItems)
          .where(
            and(
              eq(paymentItems.paymentId, itemsPaymentId),
              eq(paymentItems.type, "subscription_type"),
            ),
          )
      : [];
    const wanted = new Map<number, number>();
    const add = (typeId: number, count: number) =>
      wanted.set(typeId, (wanted.get(typeId) ?? 0) + count);
    if (familyType.childSubscriptionTypeId !== null) {
      const dynamic = items
        .filter((item) => item.subscriptionTypeId === master.subscriptionTypeId)
        .reduce((sum, item) => sum + item.count, 0);
      add(familyType.childSubscriptionTypeId, familyType.count > 0 ? familyType.count : dynamic);
    } else {
      for (const item of items) {
        if (
          item.subscriptionTypeId !== null &&
          item.subscriptionTypeId !== master.subscriptionTypeId
        )
          add(item.subscriptionTypeId, item.count);
      }
    }
    for (const seat of await paidFamilySeats(tx, master)) add(seat.subscriptionTypeId, seat.count);

    const existing = await tx
      .select({
        subscriptionTypeId: familyRequests.subscriptionTypeId,
        count: sql<number>`count(*)::int`,
      })
      .from(familyRequests)
      .where(
        and(
          eq(familyRequests.masterSubscriptionId, master.id),
          ne(familyRequests.status, "canceled"),
        ),
      )
      .groupBy(familyRequests.subscriptionTypeId);
    const created: FamilyRequest[] = [];
    for (const [subscriptionTypeId, count] of wanted) {
      const have =
        existing.find((row) => row.subscriptionTypeId === subscriptionTypeId)?.count ?? 0;
      for (let i = have; i < count; i++) {
        created.push(
          await createFamilyRequest(tx, {
            masterUserId: master.userId,
            masterSubscriptionId: master.id,
            subscriptionTypeId,
          }),
        );
      }
    }
    return created;
  });
}
