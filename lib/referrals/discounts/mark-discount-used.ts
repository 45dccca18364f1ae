import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { discountCodes } from "@/lib/db/schema";

/** Inside markPaymentPaid's transaction: the code applied to the payment, if any, is used from the moment it is paid. */
export async function markDiscountUsed(
  tx: Db,
  paymentId: number,
  usedAt: Date = now(),
): Promise<void> {
  await tx
    .update(discountCodes)
    .set({ usedAt })
    .where(and(eq(discountCodes.paymentId, paymentId), isNull(discountCodes.usedAt)));
}
