import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { paymentItems, payments } from "@/lib/db/schema";
import { FAMILY_SEATS_META_KEY } from "./family-seats-meta";

/**
 * The extra seats bought for a master subscription and paid: the `product` items of the master's paid payments whose
 * meta names this master subscription (a refunded payment no longer counts).
 */
export async function paidFamilySeats(
  tx: Db,
  master: { id: number; userId: number },
): Promise<{ subscriptionTypeId: number; count: number }[]> {
  const rows = await tx
    .select({ subscriptionTypeId: paymentItems.subscriptionTypeId, count: paymentItems.count })
    .from(paymentItems)
    .innerJoin(payments, eq(payments.id, paymentItems.paymentId))
    .where(
      and(
        eq(payments.userId, master.userId),
        eq(payments.status, "paid"),
        eq(paymentItems.type, "product"),
        sql`${payments.meta} -> ${FAMILY_SEATS_META_KEY} ->> 'master_subscription_id' = ${String(master.id)}`,
      ),
    );
  return rows.flatMap((row) =>
    row.subscriptionTypeId === null
      ? []
      : [{ subscriptionTypeId: row.subscriptionTypeId, count: row.count }],
  );
}
