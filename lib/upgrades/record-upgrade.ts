import "server-only";
import { and, asc, eq, gt, gte, ne, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import {
  payments,
  subscriptions,
  subscriptionUpgrades,
  type Subscription,
  type SubscriptionUpgrade,
  type UpgradeType,
} from "@/lib/db/schema";
import { recordEvent } from "@/lib/events/record-event";
import { getSetting } from "@/lib/settings";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import type { ParsedUpgradeOptionConfig } from "./option-config";
import type { UpgradeTarget } from "./offer-types";
import { shortenedSeconds, targetPrice, wholeDays } from "./upgraders";

/** Writing an applied upgrade: the new subscription, the row in `subscription_upgrades`, `upgrade.completed`. */

export interface UpgradedSubscriptionSpec {
  userId: number;
  target: Pick<UpgradeTarget, "id" | "code" | "name">;
  startAt: Date;
  endAt: Date;
  paymentId: number | null;
  note: string;
}

/**
 * End the base subscription at `endsAt` and create the upgraded one, taking the base's place in the chain. The base
 * must still end where the offer saw it end: a change in between makes the offer stale and nothing is written.
 */
export async function replaceBaseSubscription(
  tx: Db,
  base: { subscriptionId: number; endAt: Date },
  endsAt: Date,
  spec: UpgradedSubscriptionSpec,
): Promise<{ ended: Subscription; upgraded: Subscription }> {
  const at = now();
  const [ended] = await tx
    .update(subscriptions)
    .set({
      endAt: sql`greatest(${subscriptions.startAt}, ${endsAt.toISOString()}::timestamptz)`,
      updatedAt: at,
    })
    .where(and(eq(subscriptions.id, base.subscriptionId), eq(subscriptions.endAt, base.endAt)))
    .returning();
  if (!ended) throw new StaleOfferError();
  const upgraded = await createSubscription(tx, {
    userId: spec.userId,
    subscriptionTypeId: spec.target.id,
    startAt: spec.startAt,
    endAt: spec.endAt,
    kind: "upgrade",
    isPaid: true,
    paymentId: spec.paymentId,
    note: spec.note,
  });
  await tx
    .update(subscriptions)
    .set({ nextSubscriptionId: ended.nextSubscriptionId })
    .where(eq(subscriptions.id, upgraded.id));
  await tx
    .update(subscriptions)
    .set({ nextSubscriptionId: upgraded.id })
    .where(eq(subscriptions.id, ended.id));
  return { ended, upgraded: { ...upgraded, nextSubscriptionId: ended.nextSubscriptionId } };
}

/** The offer no longer matches the data (the base moved between reading and writing). */
export class StaleOfferError extends Error {
  constructor() {
    super("The subscription changed while the upgrade was applied.");
    this.name = "StaleOfferError";
  }
}

export async function recordUpgradeCompleted(
  tx: Db,
  upgrade: SubscriptionUpgrade,
  upgraded: Subscription,
  target: Pick<UpgradeTarget, "id" | "code">,
): Promise<void> {
  await recordEvent(tx, {
    name: "upgrade.completed",
    userId: upgrade.userId,
    payload: {
      upgrade_id: upgrade.id,
      type: upgrade.type,
      base_subscription_id: upgrade.baseSubscriptionId,
      subscription_id: upgraded.id,
      subscription_type_id: target.id,
      subscription_type_code: target.code,
      payment_id: upgrade.paymentId,
      charge_cents: upgrade.chargeCents,
      credit_cents: upgrade.creditCents,
    },
  });
}

export interface FollowersPlan {
  userId: number;
  parentUpgradeId: number;
  type: UpgradeType;
  base: { subscriptionId: number; typeId: number; typePriceCents: number; originalEndAt: Date };
  target: Pick<UpgradeTarget, "id" | "code" | "name" | "lengthDays" | "priceCents">;
  config: Pick<ParsedUpgradeOptionConfig, "monthly_fix">;
  /** Where the upgraded subscription ends: followers continue from here. */
  cursor: Date;
  /** The upgraded subscription: it may start after the base's old end, but never follows it. */
  upgradedSubscriptionId: number;
}

/**
 * The subscriptions of the base's type that were to follow it. With subsequent upgrades on (one setting, off by
 * default) each is shortened the same way as `short`: its value buys target days, placed one after another from the
 * upgraded subscription's end. Off, a `paid_extend` (which ends later than the base did) shifts them after it; the
 * other methods leave them where they are.
 */
export async function adjustFollowers(tx: Db, plan: FollowersPlan): Promise<void> {
  const subsequent = await getSetting(tx, "upgrades.subsequent_upgrades");
  const followerWhere = and(
    eq(subscriptions.userId, plan.userId),
    ne(subscriptions.id, plan.base.subscriptionId),
    ne(subscriptions.id, plan.upgradedSubscriptionId),
    // Only the base's own chain follows it: a separately bought subscription of another type stays where it is.
    eq(subscriptions.subscriptionTypeId, plan.base.typeId),
    gte(subscriptions.startAt, plan.base.originalEndAt),
    gt(subscriptions.endAt, subscriptions.startAt),
  );
  if (!subsequent) {
    const shiftMs = plan.cursor.getTime() - plan.base.originalEndAt.getTime();
    if (plan.type !== "paid_extend" || shiftMs <= 0) return;
    const shift = sql`${shiftMs} * interval '1 millisecond'`;
    await tx
      .update(subscriptions)
      .set({
        startAt: sql`${subscriptions.startAt} + ${shift}`,
        endAt: sql`${subscriptions.endAt} + ${shift}`,
        updatedAt: now(),
      })
      .where(followerWhere);
    return;
  }

  const followers = await tx
    .select({
      subscription: subscriptions,
      paidCents: sql<
        string | null
      >`coalesce((select sum(pi.amount_cents::bigint * pi.count) from payment_items pi
        where pi.payment_id = ${payments.id} and pi.type = 'subscription_type'), ${payments.amountCents})`,
    })
    .from(subscriptions)
    .leftJoin(payments, and(eq(payments.id, subscriptions.paymentId), eq(payments.status, "paid")))
    .where(followerWhere)
    .orderBy(asc(subscriptions.startAt), asc(subscriptions.id));
  const price = targetPrice({
    base: { typePriceCents: plan.base.typePriceCents },
    target: plan.target,
    config: plan.config,
  });
  let cursor = plan.cursor;
  for (const { subscription: follower, paidCents } of followers) {
    const days = wholeDays(follower.startAt.getTime(), follower.endAt.getTime());
    if (days < 1) continue;
    // A follower given for free is valued at its type's price.
    const paid = paidCents === null ? plan.base.typePriceCents : Number(paidCents);
    const { seconds, valueCents } = shortenedSeconds({
      from: follower.startAt,
      end: follower.endAt,
      paidCents: paid,
      wholeDays: days,
      price,
      targetLengthDays: plan.target.lengthDays,
    });
    if (seconds <= 0) continue;
    const { upgraded } = await replaceBaseSubscription(
      tx,
      { subscriptionId: follower.id, endAt: follower.endAt },
      follower.startAt,
      {
        userId: plan.userId,
        target: plan.target,
        startAt: cursor,
        endAt: new Date(cursor.getTime() + seconds * 1000),
        paymentId: follower.paymentId,
        note: `Subsequent upgrade of subscription ${follower.id} to ${plan.target.code}`,
      },
    );
    await tx.insert(subscriptionUpgrades).values({
      userId: plan.userId,
      baseSubscriptionId: follower.id,
      upgradedSubscriptionId: upgraded.id,
      type: "short",
      status: "completed",
      targetSubscriptionTypeId: plan.target.id,
      paymentId: null,
      creditCents: valueCents,
      parentUpgradeId: plan.parentUpgradeId,
      completedAt: now(),
      createdAt: now(),
    });
    cursor = upgraded.endAt;
  }
}
