import "server-only";
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { discountCodes, payments, type DiscountCode, type Payment } from "@/lib/db/schema";
import { conflict, notFound } from "@/lib/errors";
import { discountAmountCents } from "./discount-amount";
import { lockDiscountablePayment } from "./lock-discountable-payment";

export interface ApplyDiscountCodeOptions {
  /** The payer: both the payment and the code are looked up with this owner in the query. */
  userId: number;
  paymentId: number;
  /** As typed: spaces around it and letter case do not matter. */
  code: string;
}

export interface AppliedDiscount {
  payment: Payment;
  discountCode: DiscountCode;
  discountCents: number;
}

/**
 * Apply one of the user's discount codes to one of their unpaid (`form`) payments, in one transaction: the payment
 * row is locked (so a checkout cannot charge it half-discounted), the code is bound to it by an update that only
 * succeeds while the code is free (`payment_id is null`), and the payment's amount drops by the discount, with the
 * code, the discount and the amount before it recorded in `payments.meta`. Two tabs applying one code to two payments:
 * one binds it, the other gets `discount_code_used`.
 */
export async function applyDiscountCode(
  db: Db,
  options: ApplyDiscountCodeOptions,
): Promise<AppliedDiscount> {
  const typed = options.code.trim();
  return db.transaction(async (tx) => {
    const payment = await lockDiscountablePayment(tx, {
      paymentId: options.paymentId,
      userId: options.userId,
    });
    if (typeof payment.meta.referral_welcome_discount === "object") {
      throw conflict(
        "discount_not_applicable",
        "Your referral discount is already applied to this payment; a code cannot be added to it.",
      );
    }
    if (typeof payment.meta.discount_code === "string") {
      throw conflict(
        "discount_not_applicable",
        "A discount code is already applied to this payment. Remove it first to use another.",
      );
    }
    if (payment.amountCents === 0)
      throw conflict(
        "discount_not_applicable",
        "There is nothing to pay on this payment, so no code can take anything off it.",
      );

    const [code] = await tx
      .select()
      .from(discountCodes)
      .where(
        and(
          eq(discountCodes.userId, options.userId),
          sql`lower(${discountCodes.code}) = lower(${typed})`,
        ),
      )
      .limit(1);
    if (!code)
      throw notFound("discount_code_not_found", "There is no such discount code on your account.");
    if (code.usedAt !== null)
      throw conflict("discount_code_used", "This discount code has already been used.");
    if (code.expiresAt !== null && code.expiresAt.getTime() <= now().getTime()) {
      throw conflict("discount_code_expired", "This discount code has expired.");
    }
    // The binding is the race guard: of two payments claiming one free code, only one update finds it free; and a
    // code voided meanwhile (a referral clawback expires it) is no longer unexpired when the update re-reads it.
    const [bound] = await tx
      .update(discountCodes)
      .set({ paymentId: payment.id })
      .where(
        and(
          eq(discountCodes.id, code.id),
          isNull(discountCodes.paymentId),
          isNull(discountCodes.usedAt),
          or(isNull(discountCodes.expiresAt), gt(discountCodes.expiresAt, now())),
        ),
      )
      .returning();
    if (!bound)
      throw conflict(
        "discount_code_used",
        "This discount code is already applied to another payment. Remove it there to use it here.",
      );

    const discountCents = discountAmountCents(payment.amountCents, bound);
    const [updated] = await tx
      .update(payments)
      .set({
        amountCents: payment.amountCents - discountCents,
        meta: {
          ...payment.meta,
          discount_code: bound.code,
          discount_cents: discountCents,
          amount_before_discount_cents: payment.amountCents,
        },
        updatedAt: now(),
      })
      .where(eq(payments.id, payment.id))
      .returning();
    if (!updated) throw new Error("update returned no row");
    return { payment: updated, discountCode: bound, discountCents };
  });
}
