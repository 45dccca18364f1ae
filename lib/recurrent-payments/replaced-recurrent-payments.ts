import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import {
  recurrentPayments,
  subscriptionTypeContentAccess,
  subscriptionTypes,
} from "@/lib/db/schema";
import { recordEvent } from "@/lib/events/record-event";

/** The type a recurrent payment's next charge renews into: its scheduled switch, else its own type. */
export const renewedTypeId = sql`coalesce(${recurrentPayments.nextSubscriptionTypeId}, ${recurrentPayments.subscriptionTypeId})`;

const contentOf = (typeId: SQL) => sql`(
  select coalesce(array_agg(${subscriptionTypeContentAccess.contentAccessId}), '{}')
  from ${subscriptionTypeContentAccess}
  where ${subscriptionTypeContentAccess.subscriptionTypeId} = ${typeId})`;

/**
 * The user's active renewals that buying `subscriptionTypeId` replaces: those whose next period gives some content
 * access and none that the purchase does not. The purchase's subscription starts when the running one with that
 * content ends — exactly when such a renewal would charge for a period that starts after the purchase's — so left
 * on, it charges the customer twice for one stretch of access.
 */
function replacedBy(userId: number, subscriptionTypeId: number): SQL {
  return and(
    eq(recurrentPayments.userId, userId),
    eq(recurrentPayments.state, "active"),
    sql`cardinality(${contentOf(renewedTypeId)}) > 0`,
    sql`${contentOf(renewedTypeId)} <@ ${contentOf(sql`${subscriptionTypeId}::int`)}`,
  )!;
}

/** What the purchase page warns about: the renewals buying this type would stop, by the type they renew. */
export async function findReplacedRecurrentPayments(
  db: Db,
  options: { userId: number; subscriptionTypeId: number },
): Promise<{ id: number; typeName: string }[]> {
  return db
    .select({ id: recurrentPayments.id, typeName: subscriptionTypes.name })
    .from(recurrentPayments)
    .innerJoin(subscriptionTypes, eq(subscriptionTypes.id, renewedTypeId))
    .where(replacedBy(options.userId, options.subscriptionTypeId))
    .orderBy(recurrentPayments.id);
}

/**
 * Stop (`system_stop`, reason `replaced`) the renewals a paid purchase replaces, in the purchase's transaction: its
 * payer is locked, and recurrent payments come after its payment and subscription in lib/db/LOCK-ORDER.md. A charge
 * already in flight settles as usual and ends its chain (settleRenewal).
 */
export async function stopReplacedRecurrentPayments(
  tx: Db,
  purchase: { userId: number; subscriptionTypeId: number; paymentId: number },
): Promise<number[]> {
  const at = now();
  const stopped = await tx
    .update(recurrentPayments)
    .set({ state: "system_stop", stoppedAt: at, updatedAt: at })
    .where(replacedBy(purchase.userId, purchase.subscriptionTypeId))
    .returning({ id: recurrentPayments.id });
  for (const { id } of stopped) {
    await recordEvent(tx, {
      name: "recurrent_payment.state_changed",
      userId: purchase.userId,
      payload: {
        recurrent_payment_id: id,
        state: "system_stop",
        previous_state: "active",
        reason: "replaced",
        replaced_by_payment_id: purchase.paymentId,
      },
    });
  }
  return stopped.map(({ id }) => id);
}
