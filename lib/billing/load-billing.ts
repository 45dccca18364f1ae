import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import {
  payments,
  subscriptionTypes,
  type DiscountCode,
  type RecurrentPayment,
} from "@/lib/db/schema";
import { listUnusedDiscountCodes } from "@/lib/referrals/discounts/list-unused-discount-codes";
import { findMyRenewal } from "./find-my-renewal";
import { listPlanChangeOptions, type PlanOption } from "./plan-change-options";

export interface BillingOverview {
  renewal: RecurrentPayment | null;
  /** What the next renewal buys and charges (a scheduled plan change included). */
  next: { code: string; name: string; lengthDays: number; amountCents: number } | null;
  /** The renewal's last payment when it failed (or was reopened and is not paid yet): the customer may pay it. */
  failedPayment: {
    id: number;
    amountCents: number;
    failureReason: string | null;
    createdAt: Date;
    status: string;
  } | null;
  /** Plans the renewal may switch to at period end; empty unless the renewal is active. */
  planOptions: PlanOption[];
  currentPlan: PlanOption | null;
  unusedDiscountCodes: DiscountCode[];
}

/** Everything /account/billing shows beside the payment history; every query is scoped to the user. */
export async function loadBilling(db: Db, userId: number): Promise<BillingOverview> {
  const [renewal, unusedDiscountCodes] = await Promise.all([
    findMyRenewal(db, userId),
    listUnusedDiscountCodes(db, userId),
  ]);
  if (!renewal)
    return {
      renewal: null,
      next: null,
      failedPayment: null,
      planOptions: [],
      currentPlan: null,
      unusedDiscountCodes,
    };

  const [[nextType], [lastPayment], plans] = await Promise.all([
    db
      .select({
        code: subscriptionTypes.code,
        name: subscriptionTypes.name,
        lengthDays: subscriptionTypes.lengthDays,
        priceCents: subscriptionTypes.priceCents,
      })
      .from(subscriptionTypes)
      .where(
        eq(subscriptionTypes.id, renewal.nextSubscriptionTypeId ?? renewal.subscriptionTypeId),
      ),
    renewal.paymentId
      ? db
          .select({
            id: payments.id,
            amountCents: payments.amountCents,
            failureReason: payments.failureReason,
            createdAt: payments.createdAt,
            status: payments.status,
          })
          .from(payments)
          .where(and(eq(payments.id, renewal.paymentId), eq(payments.userId, userId)))
      : Promise.resolve([]),
    listPlanChangeOptions(db, renewal),
  ]);
  const unpaid =
    lastPayment &&
    (lastPayment.status === "fail" || lastPayment.status === "form") &&
    renewal.state !== "user_stop";
  return {
    renewal,
    next: nextType
      ? { ...nextType, amountCents: renewal.customAmountCents ?? nextType.priceCents }
      : null,
    failedPayment: unpaid ? lastPayment : null,
    planOptions: renewal.state === "active" ? plans.options : [],
    currentPlan: plans.current,
    unusedDiscountCodes,
  };
}
