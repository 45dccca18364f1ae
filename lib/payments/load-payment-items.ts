import "server-only";
import { asc, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { paymentItems } from "@/lib/db/schema";

/** The items of these payments (the admin list and its CSV export), in the order they were added. */
export async function loadPaymentItems(db: Db, paymentIds: number[]) {
  if (paymentIds.length === 0) return [];
  return db
    .select({
      paymentId: paymentItems.paymentId,
      name: paymentItems.name,
      count: paymentItems.count,
      amountCents: paymentItems.amountCents,
    })
    .from(paymentItems)
    .where(inArray(paymentItems.paymentId, paymentIds))
    .orderBy(asc(paymentItems.id));
}
