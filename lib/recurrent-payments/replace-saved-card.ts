import "server-only";
import { cardColumns } from "@/lib/payments/card-summary";
import { and, eq, inArray } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { lockUsers } from "@/lib/db/lock-order";
import { recurrentPayments } from "@/lib/db/schema";
import type { CardSummary } from "@/lib/payments/gateways/gateway";

/**
 * The customer's renewals are charged on a new card from now on: every recurrent payment of theirs that can still be
 * charged (active, or stopped by a failed charge and waiting for them to pay) takes the card. Returns how many did.
 */
export async function replaceSavedCard(
  db: Db,
  options: { userId: number; gateway: string; cardToken: string; card: CardSummary | null },
): Promise<number> {
  return db.transaction(async (tx) => {
    // lib/db/LOCK-ORDER.md: the customer before their recurrent payments, as a renewal charge takes them.
    await lockUsers(tx, [options.userId]);
    const updated = await tx
      .update(recurrentPayments)
      .set({
        cardToken: options.cardToken,
        gateway: options.gateway,
        ...cardColumns(options.card),
        updatedAt: now(),
      })
      .where(
        and(
          eq(recurrentPayments.userId, options.userId),
          inArray(recurrentPayments.state, ["active", "charge_failed"]),
        ),
      )
      .returning({ id: recurrentPayments.id });
    return updated.length;
  });
}
