import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import {
  payments,
  recurrentPayments,
  subscriptions,
  subscriptionTypes,
  subscriptionUpgrades,
  users,
  type Payment,
  type Subscription,
  type SubscriptionUpgrade,
} from "@/lib/db/schema";
import { idempotencyKeySchema } from "@/lib/api/idempotency";
import { AppError, conflict, invalid, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { createPayment } from "@/lib/payments/create-payment";
import { getGateway, toGatewayCode } from "@/lib/payments/gateways";
import { codeSchema } from "@/lib/subscriptions/subscription-type-schemas";
import { loadUpgradeContext } from "./load-upgrade-context";
import { NO_UPGRADE_REASON_MESSAGES, type UpgradeOffer } from "./offer-types";
import { UPGRADE_TYPES, upgradeTagSchema, type UpgradeMethod } from "./option-config";
import { adjustFollowers, recordUpgradeCompleted, replaceBaseSubscription, StaleOfferError } from "./record-upgrade";
import { selectOffers, type OfferContext } from "./select-offers";

export interface ApplyUpgradeOptions {
  userId: number;
  type: UpgradeMethod;
  targetCode: string;
  /** The client's key: a second request with it returns the first result instead of upgrading again. */
  idempotencyKey: string;
  tags?: readonly string[];
  content?: string | null;
  /** The charge the customer saw; when the recomputed offer differs, nothing is done (`upgrade_offer_changed`). */
  expectedChargeCents?: number;
}

export interface AppliedUpgrade {
  upgrade: SubscriptionUpgrade;
  /** The upgraded subscription; null while a paid_extend waits for its payment. */
  subscription: Subscription | null;
  /** The upgrade's payment: charged (paid_recurrent), to pay at checkout (paid_extend), or null. */
  payment: Payment | null;
  replayed: boolean;
}

const applyUpgradeSchema = z.object({
  userId: z.number().int().positive(),
  type: z.enum(UPGRADE_TYPES),
  targetCode: codeSchema,
  idempotencyKey: idempotencyKeySchema,
  tags: z.array(upgradeTagSchema).max(10).default([]),
  content: codeSchema.nullable().default(null),
  expectedChargeCents: z.number().int().min(0).optional(),
});

type Outcome = { kind: "applied"; applied: AppliedUpgrade } | { kind: "declined"; reason: string; payment: Payment };

/**
 * Apply one offer, in one transaction. The user's row is locked first, so upgrades of one user run one at a time:
 * the same idempotency key finds the first upgrade, and a second offer on the same base finds the base ended. The
 * offer is recomputed at this moment (an offer seen before midnight is never applied with yesterday's numbers).
 *
 * `paid_recurrent` charges the stored card now; a decline records the failed payment and changes nothing else.
 * `paid_extend` only creates the payment; paying it completes the upgrade (completePaidExtendUpgrade).
 */
export async function applyUpgrade(db: Db, options: ApplyUpgradeOptions): Promise<AppliedUpgrade> {
  const parsed = applyUpgradeSchema.safeParse(options);
  if (!parsed.success) {
    throw invalid("upgrade_invalid", parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
  }
  const input = parsed.data;
  let outcome: Outcome;
  try {
    outcome = await db.transaction(async (tx): Promise<Outcome> => {
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).for("update");
      if (!user) throw notFound("user_not_found", "No such user.");

      const [earlier] = await tx
        .select()
        .from(subscriptionUpgrades)
        .where(and(eq(subscriptionUpgrades.userId, input.userId), eq(subscriptionUpgrades.idempotencyKey, input.idempotencyKey)));
      if (earlier) return { kind: "applied", applied: await replay(tx, earlier, input) };

      const loaded = await loadUpgradeContext(tx, { userId: input.userId, now: now() });
      const offers = loaded.context ? selectOffers(loaded.context, { tags: input.tags, content: input.content }) : [];
      const offer = offers.find((candidate) => candidate.type === input.type && candidate.target.code === input.targetCode);
      if (!loaded.context || !offer) {
        const why = loaded.reason ? ` ${NO_UPGRADE_REASON_MESSAGES[loaded.reason]}` : "";
        throw conflict("upgrade_not_available", `That upgrade is not available now.${why}`);
      }
      if (input.expectedChargeCents !== undefined && input.expectedChargeCents !== offer.chargeCents) {
        throw new AppError(
          "upgrade_offer_changed",
          "The price of this upgrade changed since it was shown; review the new offer.",
          409,
          { offer },
        );
      }
      const write = { paid_recurrent: applyPaidRecurrent, free_recurrent: applyFreeRecurrent, short: applyShort, paid_extend: applyPaidExtend };
      return write[offer.type](tx, loaded.context, offer, input.idempotencyKey);
    });
  } catch (error) {
    if (error instanceof StaleOfferError) throw conflict("upgrade_not_available", error.message);
    throw error;
  }
  if (outcome.kind === "declined") throw new AppError("payment_declined", outcome.reason, 402, { payment_id: outcome.payment.id });
  return outcome.applied;
}

async function replay(tx: Db, earlier: SubscriptionUpgrade, input: z.output<typeof applyUpgradeSchema>): Promise<AppliedUpgrade> {
  const [target] = await tx
    .select({ code: subscriptionTypes.code })
    .from(subscriptionTypes)
    .where(eq(subscriptionTypes.id, earlier.targetSubscriptionTypeId));
  if (earlier.type !== input.type || target?.code !== input.targetCode) {
    throw conflict("idempotency_key_reused", "This idempotency key was used for a different upgrade.");
  }
  return { ...(await loadUpgradeParts(tx, earlier)), upgrade: earlier, replayed: true };
}

export async function loadUpgradeParts(
  tx: Db,
  upgrade: SubscriptionUpgrade,
): Promise<{ subscription: Subscription | null; payment: Payment | null }> {
  const [subscription] = upgrade.upgradedSubscriptionId
    ? await tx.select().from(subscriptions).where(eq(subscriptions.id, upgrade.upgradedSubscriptionId))
    : [];
  const [payment] = upgrade.paymentId ? await tx.select().from(payments).where(eq(payments.id, upgrade.paymentId)) : [];
  return { subscription: subscription ?? null, payment: payment ?? null };
}

function optionConfigOf(context: OfferContext, offer: UpgradeOffer) {
  const option = context.options.find((candidate) => candidate.id === offer.optionId);
  if (!option) throw new Error(`option ${offer.optionId} left the context`);
  return option.config;
}

/** Split the base at the offer's start, record the upgrade and `upgrade.completed`, adjust what follows. */
async function completeSplit(
  tx: Db,
  context: OfferContext,
  offer: UpgradeOffer,
  fields: { idempotencyKey: string; paymentId: number | null; subscriptionPaymentId: number | null },
): Promise<{ upgrade: SubscriptionUpgrade; subscription: Subscription }> {
  const { base } = context;
  const { upgraded } = await replaceBaseSubscription(tx, base, offer.baseEndsAt, {
    userId: context.userId,
    target: offer.target,
    startAt: offer.startAt,
    endAt: offer.endAt,
    paymentId: fields.subscriptionPaymentId,
    note: `Upgraded from ${base.typeCode} (${offer.type})`,
  });
  const [upgrade] = await tx
    .insert(subscriptionUpgrades)
    .values({
      userId: upgraded.userId,
      baseSubscriptionId: base.subscriptionId,
      upgradedSubscriptionId: upgraded.id,
      type: offer.type,
      status: "completed",
      targetSubscriptionTypeId: offer.target.id,
      upgradeOptionId: offer.optionId,
      paymentId: fields.paymentId,
      chargeCents: offer.chargeCents,
      creditCents: offer.creditCents,
      idempotencyKey: fields.idempotencyKey,
      completedAt: now(),
      createdAt: now(),
    })
    .returning();
  if (!upgrade) throw new Error("insert returned no row");
  await adjustFollowers(tx, {
    userId: upgraded.userId,
    parentUpgradeId: upgrade.id,
    type: offer.type,
    base: { subscriptionId: base.subscriptionId, typeId: base.typeId, typePriceCents: base.typePriceCents, originalEndAt: base.endAt },
    target: offer.target,
    config: optionConfigOf(context, offer),
    cursor: upgraded.endAt,
    upgradedSubscriptionId: upgraded.id,
  });
  await recordUpgradeCompleted(tx, upgrade, upgraded, offer.target);
  return { upgrade, subscription: upgraded };
}

/** The recurrent payment now renews into the target (at the fixed price with `monthly_fix`). */
async function renewIntoTarget(tx: Db, context: OfferContext, offer: UpgradeOffer, recurrentPaymentId: number): Promise<void> {
  const [target] = await tx
    .select({ nextSubscriptionTypeId: subscriptionTypes.nextSubscriptionTypeId })
    .from(subscriptionTypes)
    .where(eq(subscriptionTypes.id, offer.target.id));
  const fixed = optionConfigOf(context, offer).monthly_fix !== undefined;
  await tx
    .update(recurrentPayments)
    .set({
      subscriptionTypeId: offer.target.id,
      nextSubscriptionTypeId: target?.nextSubscriptionTypeId ?? null,
      customAmountCents: fixed ? offer.recurrentPriceCents : null,
      updatedAt: now(),
    })
    .where(eq(recurrentPayments.id, recurrentPaymentId));
}

async function lockRecurrent(tx: Db, context: OfferContext, userId: number) {
  const id = context.base.recurrentPaymentId;
  const [recurrent] = id
    ? await tx
        .select()
        .from(recurrentPayments)
        .where(and(eq(recurrentPayments.id, id), eq(recurrentPayments.userId, userId), eq(recurrentPayments.state, "active")))
        .for("update")
    : [];
  if (!recurrent) throw new StaleOfferError();
  return recurrent;
}

/**
 * Lock the base subscription and check it still ends where the offer saw it end. Done before any charge, so a
 * concurrent change to the base (an extension, a stop) refuses the upgrade before the card is charged rather than
 * rolling back the record of a successful charge.
 */
async function lockBase(tx: Db, context: OfferContext): Promise<void> {
  const [base] = await tx
    .select({ endAt: subscriptions.endAt })
    .from(subscriptions)
    .where(and(eq(subscriptions.id, context.base.subscriptionId), eq(subscriptions.userId, context.userId)))
    .for("update");
  if (!base || base.endAt.getTime() !== context.base.endAt.getTime()) throw new StaleOfferError();
}

async function applyPaidRecurrent(tx: Db, context: OfferContext, offer: UpgradeOffer, idempotencyKey: string): Promise<Outcome> {
  const { userId } = context;
  await lockBase(tx, context);
  const recurrent = await lockRecurrent(tx, context, userId);
  const { payment: created } = await createPayment(tx, {
    userId,
    gateway: toGatewayCode(recurrent.gateway),
    items: [{ subscriptionTypeCode: offer.target.code, amountCents: offer.chargeCents }],
    meta: { upgrade: { type: offer.type, base_subscription_id: context.base.subscriptionId } },
  });
  const charged = await getGateway(recurrent.gateway).charge({
    cardToken: recurrent.cardToken,
    amountCents: offer.chargeCents,
    paymentId: created.id,
    description: `Upgrade to ${offer.target.name}`,
  });
  const at = now();
  if (!charged.ok) {
    const [failed] = await tx
      .update(payments)
      .set({ status: "fail", upgradeType: offer.type, failureReason: charged.reason, updatedAt: at })
      .where(eq(payments.id, created.id))
      .returning();
    if (!failed) throw new Error("update returned no row");
    return { kind: "declined", reason: charged.reason, payment: failed };
  }
  const [payment] = await tx
    .update(payments)
    .set({
      status: "paid",
      paidAt: at,
      upgradeType: offer.type,
      meta: { ...created.meta, transaction_id: charged.transactionId },
      updatedAt: at,
    })
    .where(eq(payments.id, created.id))
    .returning();
  if (!payment) throw new Error("update returned no row");
  const { upgrade, subscription } = await completeSplit(tx, context, offer, {
    idempotencyKey,
    paymentId: payment.id,
    subscriptionPaymentId: payment.id,
  });
  await renewIntoTarget(tx, context, offer, recurrent.id);
  await recordEvent(tx, {
    name: "payment.paid",
    userId,
    payload: {
      payment_id: payment.id,
      amount_cents: payment.amountCents,
      gateway: payment.gateway,
      recurrent: false,
      subscription_id: subscription.id,
      subscription_type_id: offer.target.id,
      upgrade_type: offer.type,
    },
  });
  return { kind: "applied", applied: { upgrade, subscription, payment, replayed: false } };
}

async function applyFreeRecurrent(tx: Db, context: OfferContext, offer: UpgradeOffer, idempotencyKey: string): Promise<Outcome> {
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

async function applyShort(tx: Db, context: OfferContext, offer: UpgradeOffer, idempotencyKey: string): Promise<Outcome> {
  await lockBase(tx, context);
  const { upgrade, subscription } = await completeSplit(tx, context, offer, {
    idempotencyKey,
    paymentId: null,
    subscriptionPaymentId: context.base.paymentId,
  });
  return { kind: "applied", applied: { upgrade, subscription, payment: null, replayed: false } };
}

async function applyPaidExtend(tx: Db, context: OfferContext, offer: UpgradeOffer, idempotencyKey: string): Promise<Outcome> {
  const { userId } = context;
  const { payment: created } = await createPayment(tx, {
    userId,
    gateway: "demo",
    items: [{ subscriptionTypeCode: offer.target.code, amountCents: offer.chargeCents }],
    meta: { upgrade: { type: offer.type, base_subscription_id: context.base.subscriptionId } },
  });
  const [payment] = await tx
    .update(payments)
    .set({ upgradeType: offer.type })
    .where(eq(payments.id, created.id))
    .returning();
  if (!payment) throw new Error("update returned no row");
  const [upgrade] = await tx
    .insert(subscriptionUpgrades)
    .values({
      userId,
      baseSubscriptionId: context.base.subscriptionId,
      type: offer.type,
      status: "pending",
      targetSubscriptionTypeId: offer.target.id,
      upgradeOptionId: offer.optionId,
      paymentId: payment.id,
      chargeCents: offer.chargeCents,
      creditCents: offer.creditCents,
      idempotencyKey,
      createdAt: now(),
    })
    .returning();
  if (!upgrade) throw new Error("insert returned no row");
  return { kind: "applied", applied: { upgrade, subscription: null, payment, replayed: false } };
}
