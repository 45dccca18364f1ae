import "server-only";
import { and, asc, eq, gt, isNull, or, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { discountCodes } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { applyDiscountCode, type AppliedDiscount } from "./apply-discount-code";

/**
 * A discount code is "a one-use code off the next payment" (design.md): a customer renewing by card never sees a
 * checkout, so their renewal charge takes their free code by itself — the one expiring soonest. Inside the charge's
 * transaction, before the card is charged. A code that a concurrent checkout just took is skipped, never an error.
 */
export async function applyDiscountToRenewal(
  tx: Db,
  options: { userId: number; paymentId: number },
): Promise<AppliedDiscount | null> {
  const [code] = await tx
    .select({ code: discountCodes.code })
    .from(discountCodes)
    .where(
      and(
        eq(discountCodes.userId, options.userId),
        isNull(discountCodes.paymentId),
        isNull(discountCodes.usedAt),
        or(isNull(discountCodes.expiresAt), gt(discountCodes.expiresAt, now())),
      ),
    )
    .orderBy(sql`${discountCodes.expiresAt} asc nulls last`, asc(discountCodes.id))
    .limit(1);
  if (!code) return null;
  try {
    return await applyDiscountCode(tx, {
      userId: options.userId,
      paymentId: options.paymentId,
      code: code.code,
    });
  } catch (error) {
    if (isAppError(error)) return null;
    throw error;
  }
}

/** A declined renewal gives its code back: the next attempt (or a checkout) can use it. */
export async function releaseDiscountOfFailedPayment(tx: Db, paymentId: number): Promise<void> {
  await tx
    .update(discountCodes)
    .set({ paymentId: null })
    .where(and(eq(discountCodes.paymentId, paymentId), isNull(discountCodes.usedAt)));
}
