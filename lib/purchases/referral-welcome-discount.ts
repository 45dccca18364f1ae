import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { payments, referralPrograms, referrals } from "@/lib/db/schema";
import discountReward from "@/lib/referrals/rewards/discount";
import { discountAmountCents } from "@/lib/referrals/discounts/discount-amount";

export interface WelcomeDiscount {
  referralId: number;
  /** "20% off a payment", from the program's friend reward. */
  description: string;
  kind: "percent" | "fixed";
  percentOff: number | null;
  amountOffCents: number | null;
}

/**
 * The friend's reward a referred customer gets on their first payment itself: their referral is pending, not held for
 * review, in a program that completes on the friend's first payment and rewards the friend with a discount, and they
 * have never paid. The referral's completion then records this discount as the friend's reward instead of issuing a
 * second code (see grantAndComplete).
 */
export async function findWelcomeDiscount(db: Db, userId: number): Promise<WelcomeDiscount | null> {
  const [row] = await db
    .select({
      referralId: referrals.id,
      review: referrals.review,
      triggers: referralPrograms.triggers,
      friendReward: referralPrograms.friendReward,
    })
    .from(referrals)
    .innerJoin(referralPrograms, eq(referralPrograms.id, referrals.programId))
    .where(and(eq(referrals.referredUserId, userId), eq(referrals.status, "pending")))
    .limit(1);
  if (!row || row.review === "flagged" || row.friendReward?.type !== "discount") return null;
  if (!row.triggers.some((trigger) => trigger.type === "first_payment")) return null;
  const options = discountReward.optionsSchema.safeParse(row.friendReward.options);
  if (!options.success) return null;
  const [paid] = await db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.userId, userId), inArray(payments.status, ["paid", "refund"])))
    .limit(1);
  if (paid) return null;
  return {
    referralId: row.referralId,
    description: discountReward.describe(options.data),
    kind: options.data.kind,
    percentOff: options.data.kind === "percent" ? (options.data.percent_off ?? null) : null,
    amountOffCents: options.data.kind === "fixed" ? (options.data.amount_off_cents ?? null) : null,
  };
}

/** What the welcome discount takes off a price, in cents. */
export function welcomeDiscountCents(priceCents: number, discount: WelcomeDiscount): number {
  return discountAmountCents(priceCents, discount);
}
