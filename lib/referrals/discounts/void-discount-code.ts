import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { discountCodes, payments, type DiscountCode } from "@/lib/db/schema";
import { restoreAmountBeforeDiscount } from "./remove-discount-code";

export type VoidDiscountOutcome =
  | { voided: true; code: DiscountCode }
  /** `used`: a paid payment took it; `charging`: the payment it is on is at the gateway, its amount already sent. */
  | { voided: false; why: "used" | "charging"; code: DiscountCode; paymentId: number | null }
  | { voided: false; why: "missing" };

/** A code bound to another payment while we waited for its lock is looked at again; more than this is a live fight. */
const ATTEMPTS = 3;

/**
 * Make an unused code unusable, inside the caller's transaction. A code applied to an unpaid payment is taken off it
 * first (the payment's amount before the discount comes back). Voiding sets its expiry to its creation: every check
 * that refuses an expired code (applying it, a renewal picking one, the customer's list) refuses it, and applying
 * re-checks the expiry in the update that binds it, so a checkout racing this cannot bind it afterwards.
 *
 * Lock order (lib/db/LOCK-ORDER.md), as applying a code and paying take them: the payment it is bound to, then the
 * code. The caller holds the code owner's row (the owner of the payment too: a code is applied to its owner's own).
 */
export async function voidDiscountCode(tx: Db, codeId: number): Promise<VoidDiscountOutcome> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const [seen] = await tx
      .select({ paymentId: discountCodes.paymentId })
      .from(discountCodes)
      .where(eq(discountCodes.id, codeId));
    if (!seen) return { voided: false, why: "missing" };
    const [payment] =
      seen.paymentId === null
        ? []
        : await tx
            .select()
            .from(payments)
            .where(eq(payments.id, seen.paymentId))
            .for("no key update");
    const [code] = await tx
      .select()
      .from(discountCodes)
      .where(eq(discountCodes.id, codeId))
      .for("no key update");
    if (!code) return { voided: false, why: "missing" };
    if (code.paymentId !== (payment?.id ?? null)) continue;
    if (code.usedAt !== null || payment?.status === "paid" || payment?.status === "refund") {
      return { voided: false, why: "used", code, paymentId: code.paymentId };
    }
    if (payment?.status === "pending")
      return { voided: false, why: "charging", code, paymentId: payment.id };
    if (payment?.status === "form") await restoreAmountBeforeDiscount(tx, payment);
    const [voided] = await tx
      .update(discountCodes)
      .set({ paymentId: null, expiresAt: code.createdAt })
      .where(eq(discountCodes.id, code.id))
      .returning();
    if (!voided) throw new Error("update returned no row");
    return { voided: true, code: voided };
  }
  throw new Error(`discount code #${codeId} kept moving between payments`);
}
