import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows-of";
import { familyRequests, paymentItems, type FamilyRequest } from "@/lib/db/schema";
import { createFamilyRequest } from "./create-family-request";
import { lockFamilyMaster } from "./lock-family-master";

/**
 * Top a master subscription's requests up to what its family type gives (design.md "Family"): `count`, or with
 * `count = 0` the payment item's count for the master type, or for a customizable type (no slave type) one request
 * per unit of each other subscription-type item of the payment. Canceled requests do not count. The master
 * subscription's row is locked, so running this twice (or concurrently) creates nothing extra.
 */
export async function generateFamilyRequests(db: Db, options: { subscriptionId: number }): Promise<FamilyRequest[]> {
  return db.transaction(async (tx) => {
    const locked = await lockFamilyMaster(tx, options.subscriptionId);
    if (!locked) return [];
    const { master, familyType } = locked;

    const itemsPaymentId = master.paymentId ? await originalPaymentId(tx, master.paymentId) : null;
    const items = itemsPaymentId
      ? await tx
          .select({ subscriptionTypeId: paymentItems.subscriptionTypeId, count: paymentItems.count })
          .from(paymentItems)
          .where(and(eq(paymentItems.paymentId, itemsPaymentId), eq(paymentItems.type, "subscription_type")))
      : [];
    const wanted = new Map<number, number>();
    const add = (typeId: number, count: number) => wanted.set(typeId, (wanted.get(typeId) ?? 0) + count);
    if (familyType.slaveSubscriptionTypeId !== null) {
      const dynamic = items
        .filter((item) => item.subscriptionTypeId === master.subscriptionTypeId)
        .reduce((sum, item) => sum + item.count, 0);
      add(familyType.slaveSubscriptionTypeId, familyType.count > 0 ? familyType.count : dynamic);
    } else {
      for (const item of items) {
        if (item.subscriptionTypeId !== null && item.subscriptionTypeId !== master.subscriptionTypeId) add(item.subscriptionTypeId, item.count);
      }
    }

    const existing = await tx
      .select({ subscriptionTypeId: familyRequests.subscriptionTypeId, count: sql<number>`count(*)::int` })
      .from(familyRequests)
      .where(and(eq(familyRequests.masterSubscriptionId, master.id), ne(familyRequests.status, "canceled")))
      .groupBy(familyRequests.subscriptionTypeId);
    const created: FamilyRequest[] = [];
    for (const [subscriptionTypeId, count] of wanted) {
      const have = existing.find((row) => row.subscriptionTypeId === subscriptionTypeId)?.count ?? 0;
      for (let i = have; i < count; i++) {
        created.push(await createFamilyRequest(tx, { masterUserId: master.userId, masterSubscriptionId: master.id, subscriptionTypeId }));
      }
    }
    return created;
  });
}

/**
 * A renewal charged by a recurrent payment carries one item of the master type; the counts of a dynamic or
 * customizable family are on the payment that started the chain. Follow recurrent payments back to it.
 */
async function originalPaymentId(tx: Db, paymentId: number): Promise<number> {
  const result = await tx.execute(sql`
    with recursive chain(id, recurrent_payment_id, depth) as (
      select p.id, p.recurrent_payment_id, 0 from payments p where p.id = ${paymentId}
      union all
      select parent.id, parent.recurrent_payment_id, chain.depth + 1
      from chain
      join recurrent_payments rp on rp.id = chain.recurrent_payment_id
      join payments parent on parent.id = rp.parent_payment_id
      where chain.depth < 1000
    )
    select id from chain order by depth desc limit 1`);
  const [first] = rowsOf<{ id: number }>(result);
  return first ? Number(first.id) : paymentId;
}
