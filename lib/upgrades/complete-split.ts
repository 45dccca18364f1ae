import "server-only";
import { and, eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import {
  recurrentPayments,
  subscriptions,
  subscriptionTypes,
  subscriptionUpgrades,
  type Subscription,
  type SubscriptionUpgrade,
} from "@/lib/db/schema";
import type { UpgradeOffer } from "./offer-types";
import {
  adjustFollowers,
  recordUpgradeCompleted,
  replaceBaseSubscription,
  StaleOfferError,
} from "./record-upgrade";
import type { OfferContext } from "./select-offers";

function optionConfigOf(context: OfferContext, offer: UpgradeOffer) {
  const option = context.options.find((candidate) => candidate.id === offer.optionId);
  if (!option) throw new Error(`option ${offer.optionId} left the context`);
  return option.config;
}

/**
 * Split the base at the offer's start, record the upgrade and `upgrade.completed`, adjust what follows. A paid
 * upgrade recorded `pending` while its charge was at the gateway (`pendingUpgradeId`) is completed in place.
 */
export async function completeSplit(
  tx: Db,
  context: OfferContext,
  offer: UpgradeOffer,
  fields: {
    idempotencyKey: string;
    paymentId: number | null;
    subscriptionPaymentId: number | null;
    pendingUpgradeId?: number;
  },
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
  const [upgrade] = fields.pendingUpgradeId
    ? await tx
        .update(subscriptionUpgrades)
        .set({ status: "completed", upgradedSubscriptionId: upgraded.id, completedAt: now() })
        .where(eq(subscriptionUpgrades.id, fields.pendingUpgradeId))
        .returning()
    : await tx
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
    base: {
      subscriptionId: base.subscriptionId,
      typeId: base.typeId,
      typePriceCents: base.typePriceCents,
      originalEndAt: base.endAt,
    },
    target: offer.target,
    config: optionConfigOf(context, offer),
    cursor: upgraded.endAt,
    upgradedSubscriptionId: upgraded.id,
  });
  await recordUpgradeCompleted(tx, upgrade, upgraded, offer.target);
  return { upgrade, subscription: upgraded };
}

/** The recurrent payment now renews into the target (at the fixed price with `monthly_fix`). */
export async function renewIntoTarget(
  tx: Db,
  context: OfferContext,
  offer: UpgradeOffer,
  recurrentPaymentId: number,
): Promise<void> {
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

export async function lockRecurrent(tx: Db, context: OfferContext, userId: number) {
  const id = context.base.recurrentPaymentId;
  const [recurrent] = id
    ? await tx
        .select()
        .from(recurrentPayments)
        .where(
          and(
            eq(recurrentPayments.id, id),
            eq(recurrentPayments.userId, userId),
            eq(recurrentPayments.state, "active"),
          ),
        )
        .for("no key update")
    : [];
  if (!recurrent) throw new StaleOfferError();
  return recurrent;
}

/**
 * Lock the base subscription and check it still ends where the offer saw it end. Done before any charge, so a
 * concurrent change to the base (an extension, a stop) refuses the upgrade before the card is charged rather than
 * rolling back the record of a successful charge.
 */
export async function lockBase(tx: Db, context: OfferContext): Promise<void> {
  const [base] = await tx
    .select({ endAt: subscriptions.endAt })
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.id, context.base.subscriptionId),
        eq(subscriptions.userId, context.userId),
      ),
    )
    .for("no key update");
  if (!base || base.endAt.getTime() !== context.base.endAt.getTime()) throw new StaleOfferError();
}
