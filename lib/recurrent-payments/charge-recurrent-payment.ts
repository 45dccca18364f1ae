import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { lockUsers } from "@/lib/db/lock-order";
import {
  payments,
  recurrentPayments,
  subscriptionTypes,
  type Payment,
  type Subscription,
} from "@/lib/db/schema";
import { beginCharge } from "@/lib/payments/begin-charge";
import { createPayment } from "@/lib/payments/create-payment";
import {
  absoluteCheckoutUrl,
  gatewayCurrency,
  loadGatewayCustomer,
} from "@/lib/payments/gateway-request-parts";
import { getGateway } from "@/lib/payments/gateways";
import { toGatewayCode } from "@/lib/payments/gateways/gateway-codes";
import { settlePayment } from "@/lib/payments/settle-payment";
import { applyDiscountToRenewal } from "@/lib/referrals/discounts/apply-discount-to-renewal";

export { CHARGE_RETRY_DAYS, DEFAULT_MAX_FAILED_CHARGES } from "./settle-renewal";

export type ChargeOutcome =
  | {
      status: "charged";
      payment: Payment;
      subscription: Subscription | null;
      nextRecurrentPaymentId: number | null;
    }
  | { status: "declined"; payment: Payment; reason: string; final: boolean }
  /** Waiting: for the customer to confirm with their bank, or for reconciliation after a gateway that did not answer. */
  | { status: "pending"; payment: Payment }
  | { status: "skipped"; reason: "not_active" | "locked" | "charging" };

/**
 * Charge one recurrent payment, in three steps: (1) a transaction with the row locked (SKIP LOCKED: an overlapping run
 * sees `locked`) creates the renewal's payment as `pending` and links it; (2) the gateway charges the saved card, with
 * no transaction open, under the payment's idempotency key; (3) settlePayment records the answer under the locks.
 * A row whose charge is still pending is not charged again (`charging`); a crash between the steps leaves a pending
 * payment that reconciliation settles by asking the gateway with the same key, so a period is never charged twice.
 */
export async function chargeRecurrentPayment(
  db: Db,
  options: { recurrentPaymentId: number; maxFailedCharges?: number },
): Promise<ChargeOutcome> {
  const begun = await db.transaction(async (tx) => {
    // lib/db/LOCK-ORDER.md: the customer (a recurrent payment's user never changes), then the recurrent payment.
    const [owner] = await tx
      .select({ userId: recurrentPayments.userId })
      .from(recurrentPayments)
      .where(eq(recurrentPayments.id, options.recurrentPaymentId));
    if (owner) await lockUsers(tx, [owner.userId]);
    const [recurrent] = await tx
      .select()
      .from(recurrentPayments)
      .where(eq(recurrentPayments.id, options.recurrentPaymentId))
      .for("no key update", { skipLocked: true });
    if (!recurrent) {
      const [exists] = await tx
        .select({ id: recurrentPayments.id })
        .from(recurrentPayments)
        .where(eq(recurrentPayments.id, options.recurrentPaymentId));
      return { skipped: exists ? "locked" : "not_active" } as const;
    }
    if (recurrent.state !== "active") return { skipped: "not_active" } as const;
    if (recurrent.paymentId !== null) {
      const [previous] = await tx
        .select({ id: payments.id })
        .from(payments)
        .where(and(eq(payments.id, recurrent.paymentId), eq(payments.status, "pending")));
      if (previous) return { skipped: "charging" } as const;
    }

    const typeId = recurrent.nextSubscriptionTypeId ?? recurrent.subscriptionTypeId;
    const [type] = await tx
      .select()
      .from(subscriptionTypes)
      .where(eq(subscriptionTypes.id, typeId));
    if (!type) throw new Error(`subscription type ${typeId} vanished`);
    const { payment: created } = await createPayment(tx, {
      userId: recurrent.userId,
      gateway: toGatewayCode(recurrent.gateway),
      items: [
        {
          subscriptionTypeCode: type.code,
          amountCents: recurrent.customAmountCents ?? type.priceCents,
        },
      ],
      meta: {
        recurrent_payment_id: recurrent.id,
        charged_card_token: recurrent.cardToken,
        charge_description: `${type.name} renewal`,
        ...(options.maxFailedCharges === undefined
          ? {}
          : { max_failed_charges: options.maxFailedCharges }),
      },
    });
    const [linked] = await tx
      .update(payments)
      .set({ recurrentPaymentId: recurrent.id })
      .where(eq(payments.id, created.id))
      .returning();
    if (!linked) throw new Error("update returned no row");
    const discounted = await applyDiscountToRenewal(tx, {
      userId: recurrent.userId,
      paymentId: created.id,
    });
    const charge = await beginCharge(tx, discounted?.payment ?? linked);
    await tx
      .update(recurrentPayments)
      .set({ paymentId: created.id })
      .where(eq(recurrentPayments.id, recurrent.id));
    return { recurrent, typeName: type.name, ...charge } as const;
  });
  if ("skipped" in begun && begun.skipped) return { status: "skipped", reason: begun.skipped };
  if (!("payment" in begun)) throw new Error("unreachable");

  const { payment, recurrent, idempotencyKey } = begun;
  let outcome;
  try {
    outcome = await getGateway(recurrent.gateway).chargeSavedCard(
      {
        paymentId: payment.id,
        idempotencyKey,
        amountCents: payment.amountCents,
        currency: gatewayCurrency(),
        description: `${begun.typeName} renewal`,
        customer: await loadGatewayCustomer(db, recurrent.userId),
        cardToken: recurrent.cardToken,
        confirmUrl: absoluteCheckoutUrl(payment.id),
      },
      { db },
    );
  } catch (error) {
    // No answer (a timeout, a gateway error): the payment stays pending; reconciliation asks by the same key.
    console.warn(
      `renewal charge of payment ${payment.id} got no answer from the gateway; left for reconciliation`,
      error,
    );
    return { status: "pending", payment };
  }
  return toChargeOutcome(
    await settlePayment(db, { paymentId: payment.id, outcome, attempt: payment.chargeAttempt }),
    recurrent.id,
    db,
  );
}

async function toChargeOutcome(
  settled: Awaited<ReturnType<typeof settlePayment>>,
  recurrentPaymentId: number,
  db: Db,
): Promise<ChargeOutcome> {
  switch (settled.status) {
    case "paid": {
      const [next] = await db
        .select({ id: recurrentPayments.id })
        .from(recurrentPayments)
        .where(eq(recurrentPayments.parentPaymentId, settled.payment.id));
      return {
        status: "charged",
        payment: settled.payment,
        subscription: settled.subscription,
        nextRecurrentPaymentId: next?.id ?? null,
      };
    }
    case "declined": {
      const [row] = await db
        .select({ state: recurrentPayments.state })
        .from(recurrentPayments)
        .where(eq(recurrentPayments.id, recurrentPaymentId));
      return {
        status: "declined",
        payment: settled.payment,
        reason: settled.reason,
        final: row?.state === "charge_failed",
      };
    }
    case "pending":
    case "already_settled":
    case "abandoned":
      return { status: "pending", payment: settled.payment };
  }
}
