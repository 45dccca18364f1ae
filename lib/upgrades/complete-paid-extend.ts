import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { addDays, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { lockUsers } from "@/lib/db/lock-order";
import {
  payments,
  subscriptions,
  subscriptionTypes,
  subscriptionUpgrades,
  upgradeOptions,
  type Payment,
  type Subscription,
} from "@/lib/db/schema";
import { conflict } from "@/lib/errors";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { upgradeOptionConfigSchema } from "./option-config";
import { adjustFollowers, recordUpgradeCompleted, replaceBaseSubscription } from "./record-upgrade";

/**
 * Called by markPaymentPaid, in its transaction, for a payment with upgrade type `paid_extend`: the base ends now, a
 * full-length subscription of the target starts now, and what followed the base moves after it. Paying twice
 * completes once. Paid after another upgrade of the same base was completed (a late answer from the gateway, after
 * reconciliation gave this payment up): nothing is created and the payment is marked to be refunded (null).
 */
export async function completePaidExtendUpgrade(
  tx: Db,
  payment: Payment,
): Promise<Subscription | null> {
  const [upgrade] = await tx
    .select()
    .from(subscriptionUpgrades)
    .where(
      and(
        eq(subscriptionUpgrades.paymentId, payment.id),
        eq(subscriptionUpgrades.userId, payment.userId),
      ),
    )
    .for("no key update");
  if (!upgrade) throw conflict("upgrade_not_found", "This payment belongs to no upgrade.");
  if (upgrade.status === "completed" && upgrade.upgradedSubscriptionId !== null) {
    const [existing] = await tx
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, upgrade.upgradedSubscriptionId));
    if (existing) return existing;
  }
  // The user's row before any subscription row (lib/db/LOCK-ORDER.md): markPaymentPaid took it already; free here.
  await lockUsers(tx, [payment.userId]);
  const [base] = await tx
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.id, upgrade.baseSubscriptionId))
    .for("no key update");
  const [target] = await tx
    .select()
    .from(subscriptionTypes)
    .where(eq(subscriptionTypes.id, upgrade.targetSubscriptionTypeId));
  if (!base || !target)
    throw conflict("upgrade_not_found", "The upgrade's subscription or target type is gone.");
  const [option] = upgrade.upgradeOptionId
    ? await tx.select().from(upgradeOptions).where(eq(upgradeOptions.id, upgrade.upgradeOptionId))
    : [];
  const config = upgradeOptionConfigSchema.safeParse(option?.config);

  const at = now();
  const startAt = at;
  const endAt = addDays(at, target.lengthDays);
  // A base that already ended keeps its end; the paid subscription still starts now.
  const stillRunning = base.endAt.getTime() > at.getTime();
  if (!stillRunning && (await replacedByAnotherUpgrade(tx, upgrade))) {
    // The customer already has what they paid for, through the other upgrade: the money goes back (settlePayment
    // refunds at once; reconciliation retries a refund the gateway did not answer), the offer is dropped.
    await tx.delete(subscriptionUpgrades).where(eq(subscriptionUpgrades.id, upgrade.id));
    await tx
      .update(payments)
      .set({
        meta: sql`${payments.meta} || ${JSON.stringify({
          refund_required: "Another upgrade of this subscription was completed first.",
        })}::jsonb`,
      })
      .where(eq(payments.id, payment.id));
    return null;
  }
  const { upgraded } = stillRunning
    ? await replaceBaseSubscription(tx, { subscriptionId: base.id, endAt: base.endAt }, at, {
        userId: base.userId,
        target,
        startAt,
        endAt,
        paymentId: payment.id,
        note: `Upgraded from subscription ${base.id} (paid_extend)`,
      })
    : {
        upgraded: await createSubscription(tx, {
          userId: base.userId,
          subscriptionTypeId: target.id,
          startAt,
          endAt,
          kind: "upgrade",
          isPaid: true,
          paymentId: payment.id,
          note: `Upgrade of subscription ${base.id} (paid_extend), paid after it ended`,
        }),
      };

  const [completed] = await tx
    .update(subscriptionUpgrades)
    .set({ status: "completed", upgradedSubscriptionId: upgraded.id, completedAt: at })
    .where(eq(subscriptionUpgrades.id, upgrade.id))
    .returning();
  if (!completed) throw new Error("update returned no row");
  // Followers move after the upgrade only when it cut a running base short; a base that had already ended left
  // nothing to make room for (and its followers may be running by now).
  if (stillRunning) {
    const [baseType] = await tx
      .select()
      .from(subscriptionTypes)
      .where(eq(subscriptionTypes.id, base.subscriptionTypeId));
    await adjustFollowers(tx, {
      userId: base.userId,
      parentUpgradeId: completed.id,
      type: "paid_extend",
      base: {
        subscriptionId: base.id,
        typeId: base.subscriptionTypeId,
        typePriceCents: baseType?.priceCents ?? target.priceCents,
        originalEndAt: base.endAt,
      },
      target,
      config: config.success ? config.data : {},
      cursor: upgraded.endAt,
      upgradedSubscriptionId: upgraded.id,
    });
  }
  await recordUpgradeCompleted(tx, completed, upgraded, target);
  return upgraded;
}

/** Whether another upgrade of the same base subscription was completed (it ended the base and replaced it). */
async function replacedByAnotherUpgrade(
  tx: Db,
  upgrade: { id: number; baseSubscriptionId: number },
): Promise<boolean> {
  const [other] = await tx
    .select({ id: subscriptionUpgrades.id })
    .from(subscriptionUpgrades)
    .where(
      and(
        eq(subscriptionUpgrades.baseSubscriptionId, upgrade.baseSubscriptionId),
        eq(subscriptionUpgrades.status, "completed"),
        ne(subscriptionUpgrades.id, upgrade.id),
      ),
    )
    .limit(1);
  return other !== undefined;
}
