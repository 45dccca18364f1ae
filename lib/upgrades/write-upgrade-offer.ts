import "server-only";
import { eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import {
  payments,
  subscriptionUpgrades,
  type Payment,
  type SubscriptionUpgrade,
} from "@/lib/db/schema";
import { beginCharge } from "@/lib/payments/begin-charge";
import { createPayment } from "@/lib/payments/create-payment";
import { checkoutGateway } from "@/lib/payments/gateways";
import { toGatewayCode } from "@/lib/payments/gateways/gateway-codes";
import type { AppliedUpgrade } from "./apply-upgrade";
import { completeSplit, lockBase, lockRecurrent, renewIntoTarget } from "./complete-split";
import type { UpgradeOffer } from "./offer-types";
import type { OfferContext } from "./select-offers";
import { serializeSoldOffer } from "./sold-offer";

/** What applyUpgrade's transaction wrote for an offer. */
export type UpgradeWrite =
  | { kind: "applied"; applied: AppliedUpgrade }
  /** paid_recurrent: the upgrade and its charge are recorded pending; the card is charged after the commit. */
  | {
      kind: "charge";
      upgrade: SubscriptionUpgrade;
      payment: Payment;
      charge: { gateway: string; cardToken: string; idempotencyKey: string; description: string };
    };

/**
 * Write one recomputed offer inside applyUpgrade's transaction, by its upgrade type: free and short upgrades complete
 * now; paid ones record a pending upgrade and payment (paid_recurrent then charges after the commit).
 */
export async function writeUpgradeOffer(
  tx: Db,
  context: OfferContext,
  offer: UpgradeOffer,
  idempotencyKey: string,
): Promise<UpgradeWrite> {
  const write = {
    paid_recurrent: applyPaidRecurrent,
    free_recurrent: applyFreeRecurrent,
    short: applyShort,
    paid_extend: applyPaidExtend,
  };
  return write[offer.type](tx, context, offer, idempotencyKey);
}

/**
 * The charge's first step, in applyUpgrade's transaction: the base and the recurrent payment are checked and locked,
 * the charge is recorded as a `pending` payment, and the upgrade as `pending` with the offer it sold (in the
 * payment's meta), so that settling the charge — now, by webhook or by reconciliation — completes exactly this offer.
 */
async function applyPaidRecurrent(
  tx: Db,
  context: OfferContext,
  offer: UpgradeOffer,
  idempotencyKey: string,
): Promise<UpgradeWrite> {
  const { userId } = context;
  await lockBase(tx, context);
  const recurrent = await lockRecurrent(tx, context, userId);
  const { payment: created } = await createPayment(tx, {
    userId,
    gateway: toGatewayCode(recurrent.gateway),
    items: [{ subscriptionTypeCode: offer.target.code, amountCents: offer.chargeCents }],
    meta: {
      upgrade: {
        type: offer.type,
        base_subscription_id: context.base.subscriptionId,
        offer: serializeSoldOffer(offer, context.base.endAt),
      },
      charged_card_token: recurrent.cardToken,
      charge_description: `Upgrade to ${offer.target.name}`,
    },
  });
  const [typed] = await tx
    .update(payments)
    .set({ upgradeType: offer.type })
    .where(eq(payments.id, created.id))
    .returning();
  if (!typed) throw new Error("update returned no row");
  const { payment, idempotencyKey: chargeKey } = await beginCharge(tx, typed);
  const upgrade = await insertPendingUpgrade(tx, context, offer, {
    paymentId: payment.id,
    idempotencyKey,
  });
  return {
    kind: "charge",
    upgrade,
    payment,
    charge: {
      gateway: recurrent.gateway,
      cardToken: recurrent.cardToken,
      idempotencyKey: chargeKey,
      description: `Upgrade to ${offer.target.name}`,
    },
  };
}

async function applyFreeRecurrent(
  tx: Db,
  context: OfferContext,
  offer: UpgradeOffer,
  idempotencyKey: string,
): Promise<UpgradeWrite> {
  const { userId } = context;
  await lockBase(tx, context);
  const recurrent = await lockRecurrent(tx, context, userId);
  const { upgrade, subscription } = await completeSplit(tx, context, offer, {
    idempotencyKey,
    paymentId: null,
    subscriptionPaymentId: context.base.paymentId,
  });
  await renewIntoTarget(tx, context, offer, recurrent.id);
  return { kind: "applied", applied: { upgrade, subscription, payment: null, replayed: false } };
}

async function applyShort(
  tx: Db,
  context: OfferContext,
  offer: UpgradeOffer,
  idempotencyKey: string,
): Promise<UpgradeWrite> {
  await lockBase(tx, context);
  const { upgrade, subscription } = await completeSplit(tx, context, offer, {
    idempotencyKey,
    paymentId: null,
    subscriptionPaymentId: context.base.paymentId,
  });
  return { kind: "applied", applied: { upgrade, subscription, payment: null, replayed: false } };
}

async function applyPaidExtend(
  tx: Db,
  context: OfferContext,
  offer: UpgradeOffer,
  idempotencyKey: string,
): Promise<UpgradeWrite> {
  const { userId } = context;
  const { payment: created } = await createPayment(tx, {
    userId,
    // Paid at the customer's checkout, through the gateway customers pay with.
    gateway: checkoutGateway().code,
    items: [{ subscriptionTypeCode: offer.target.code, amountCents: offer.chargeCents }],
    meta: { upgrade: { type: offer.type, base_subscription_id: context.base.subscriptionId } },
  });
  const [payment] = await tx
    .update(payments)
    .set({ upgradeType: offer.type })
    .where(eq(payments.id, created.id))
    .returning();
  if (!payment) throw new Error("update returned no row");
  const upgrade = await insertPendingUpgrade(tx, context, offer, {
    paymentId: payment.id,
    idempotencyKey,
  });
  return { kind: "applied", applied: { upgrade, subscription: null, payment, replayed: false } };
}

/** A paid upgrade waiting for its payment: completed when the payment is (settled or paid at the checkout). */
async function insertPendingUpgrade(
  tx: Db,
  context: OfferContext,
  offer: UpgradeOffer,
  fields: { paymentId: number; idempotencyKey: string },
): Promise<SubscriptionUpgrade> {
  const [upgrade] = await tx
    .insert(subscriptionUpgrades)
    .values({
      userId: context.userId,
      baseSubscriptionId: context.base.subscriptionId,
      type: offer.type,
      status: "pending",
      targetSubscriptionTypeId: offer.target.id,
      upgradeOptionId: offer.optionId,
      paymentId: fields.paymentId,
      chargeCents: offer.chargeCents,
      creditCents: offer.creditCents,
      idempotencyKey: fields.idempotencyKey,
      createdAt: now(),
    })
    .returning();
  if (!upgrade) throw new Error("insert returned no row");
  return upgrade;
}
