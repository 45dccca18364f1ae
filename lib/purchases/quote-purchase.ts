import "server-only";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { findReplacedRecurrentPayments } from "@/lib/recurrent-payments/replaced-recurrent-payments";
import { findChainStart } from "@/lib/subscriptions/find-chain-start";
import { findOfferedType, type OfferedType } from "./find-offered-type";
import { findWelcomeDiscount, welcomeDiscountCents } from "./referral-welcome-discount";

export interface PurchaseQuote {
  type: OfferedType;
  /** When the subscription would start if paid now. */
  startsAt: Date;
  /** Set when the customer already has this content access: the new subscription starts when that one ends. */
  followsSubscriptionEndingAt: Date | null;
  /** The referred friend's discount on this first payment, if they came through a referral link. */
  welcomeDiscount: { description: string; discountCents: number } | null;
  /** What the customer pays at checkout before any code they type. */
  amountCents: number;
  /** The names of the automatic renewals paying for this stops, because the new subscription takes over their content. */
  replacesRenewalsOf: string[];
}

/** What buying `code` now would mean for this customer (signed out: `userId` null, no start-after or discount). */
export async function quotePurchase(
  db: Db,
  options: { userId: number | null; subscriptionTypeCode: string },
): Promise<PurchaseQuote> {
  const type = await findOfferedType(db, options.subscriptionTypeCode);
  const at = now();
  if (options.userId === null) {
    return {
      type,
      startsAt: at,
      followsSubscriptionEndingAt: null,
      welcomeDiscount: null,
      amountCents: type.priceCents,
      replacesRenewalsOf: [],
    };
  }
  const [chain, welcome, replaced] = await Promise.all([
    findChainStart(db, { userId: options.userId, subscriptionTypeId: type.id, at }),
    findWelcomeDiscount(db, options.userId),
    findReplacedRecurrentPayments(db, { userId: options.userId, subscriptionTypeId: type.id }),
  ]);
  const discountCents = welcome ? welcomeDiscountCents(type.priceCents, welcome) : 0;
  return {
    type,
    startsAt: chain.startAt,
    followsSubscriptionEndingAt: chain.previousSubscriptionId === null ? null : chain.startAt,
    welcomeDiscount: welcome ? { description: welcome.description, discountCents } : null,
    amountCents: type.priceCents - discountCents,
    replacesRenewalsOf: replaced.map(({ typeName }) => typeName),
  };
}
