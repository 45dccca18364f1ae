import "server-only";
import { eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { payments, type Payment } from "@/lib/db/schema";
import { findIdempotentPayment, requestFingerprint } from "@/lib/api/idempotency";
import { AppError, isAppError } from "@/lib/errors";
import { createPayment } from "@/lib/payments/create-payment";
import { checkoutGateway } from "@/lib/payments/gateways";
import { applyDiscountCode } from "@/lib/referrals/discounts/apply-discount-code";
import { findOfferedType } from "./find-offered-type";
import { findWelcomeDiscount, welcomeDiscountCents } from "./referral-welcome-discount";

export interface CreatePurchaseOptions {
  /** The buyer (from the session or the user token, never from input). */
  userId: number;
  subscriptionTypeCode: string;
  /** Renew automatically: paying saves the card and sets up the recurrent payment. */
  recurrent: boolean;
  discountCode?: string | null;
  /** The client's key: the same key returns the same payment; with other parameters it is `idempotency_key_reused`. */
  idempotencyKey: string;
}

/** Keys are the buyer's own: two customers cannot collide, and one cannot replay another's purchase. */
const purchaseKey = (userId: number, key: string) => `purchase:${userId}:${key}`;

/**
 * Start buying an offered subscription type: an unpaid (`form`) card payment at the checkout gateway, priced at the
 * type's price less the referred friend's welcome discount (first payment only) or the discount code given — one
 * discount per payment. Nothing is charged here (payPayment does that, outside this transaction).
 */
export async function createPurchase(
  db: Db,
  options: CreatePurchaseOptions,
): Promise<{ payment: Payment; replayed: boolean }> {
  const type = await findOfferedType(db, options.subscriptionTypeCode);
  const scopedKey = purchaseKey(options.userId, options.idempotencyKey);
  const fingerprint = requestFingerprint({
    type: type.code,
    recurrent: options.recurrent,
    discount: options.discountCode?.trim().toLowerCase() || null,
  });
  return db.transaction(async (tx) => {
    const earlier = await findIdempotentPayment(tx, { scopedKey, fingerprint });
    if (earlier !== null) {
      const [payment] = await tx.select().from(payments).where(eq(payments.id, earlier));
      if (!payment) throw new Error("idempotent payment vanished");
      return { payment, replayed: true };
    }
    const { payment: created } = await createPayment(tx, {
      userId: options.userId,
      gateway: checkoutGateway().code,
      items: [{ subscriptionTypeCode: type.code }],
      meta: {
        idempotency_key: scopedKey,
        idempotency_fingerprint: fingerprint,
        purchase: true,
        renew_automatically: options.recurrent,
      },
    });
    const welcome = await findWelcomeDiscount(tx, options.userId);
    if (welcome && options.discountCode?.trim()) {
      throw new AppError(
        "discount_code_invalid",
        "Your referral discount is already applied to this first payment; a code cannot be added to it.",
        400,
      );
    }
    if (welcome) {
      const discountCents = welcomeDiscountCents(created.amountCents, welcome);
      const [discounted] = await tx
        .update(payments)
        .set({
          amountCents: created.amountCents - discountCents,
          meta: {
            ...created.meta,
            referral_welcome_discount: {
              referral_id: welcome.referralId,
              description: welcome.description,
            },
            discount_cents: discountCents,
            amount_before_discount_cents: created.amountCents,
          },
          updatedAt: now(),
        })
        .where(eq(payments.id, created.id))
        .returning();
      if (!discounted) throw new Error("update returned no row");
      return { payment: discounted, replayed: false };
    }
    if (options.discountCode?.trim()) {
      try {
        const applied = await applyDiscountCode(tx, {
          userId: options.userId,
          paymentId: created.id,
          code: options.discountCode,
        });
        return { payment: applied.payment, replayed: false };
      } catch (error) {
        // Whatever is wrong with the code, the purchase is refused as a whole (and rolled back) with its reason.
        if (isAppError(error)) throw new AppError("discount_code_invalid", error.message, 400);
        throw error;
      }
    }
    return { payment: created, replayed: false };
  });
}
