import "server-only";
import { eq } from "drizzle-orm";
import { addDays, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { lockUsers } from "@/lib/db/lock-order";
import {
  subscriptions,
  subscriptionTypes,
  type Subscription,
  type SubscriptionKind,
} from "@/lib/db/schema";
import { invalid, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { findChainStart } from "./find-chain-start";

export interface CreateSubscriptionOptions {
  userId: number;
  subscriptionTypeId: number;
  /** Omitted: after the user's running subscription with the same content access, else now. */
  startAt?: Date;
  /** Omitted: start + the type's length (or the type's fixed end, when it has one). */
  endAt?: Date;
  kind?: SubscriptionKind;
  isPaid?: boolean;
  paymentId?: number | null;
  note?: string | null;
}

/** Create a subscription and its `subscription.created` event. Pass a transaction to make it part of a larger change. */
export async function createSubscription(
  db: Db,
  options: CreateSubscriptionOptions,
): Promise<Subscription> {
  return db.transaction(async (tx) => {
    // Serialise subscription creation per user, so two concurrent purchases chain one after the other. The user is the
    // first lock (lib/db/LOCK-ORDER.md): a caller that locked other rows first must have locked this user before them.
    const [user] = await lockUsers(tx, [options.userId]);
    if (user === undefined) throw notFound("user_not_found", `No user with id ${options.userId}.`);
    const [type] = await tx
      .select()
      .from(subscriptionTypes)
      .where(eq(subscriptionTypes.id, options.subscriptionTypeId));
    if (!type) throw notFound("subscription_type_not_found", "No such subscription type.");
    const chain =
      options.startAt === undefined
        ? await findChainStart(tx, {
            userId: options.userId,
            subscriptionTypeId: type.id,
            at: now(),
          })
        : { startAt: options.startAt, previousSubscriptionId: null };
    const startAt = chain.startAt;
    const endAt = options.endAt ?? type.fixedEnd ?? addDays(startAt, type.lengthDays);
    if (endAt.getTime() <= startAt.getTime()) {
      throw invalid("subscription_dates_invalid", "A subscription must end after it starts.");
    }
    const [subscription] = await tx
      .insert(subscriptions)
      .values({
        userId: options.userId,
        subscriptionTypeId: type.id,
        startAt,
        endAt,
        kind: options.kind ?? "regular",
        isPaid: options.isPaid ?? false,
        paymentId: options.paymentId ?? null,
        note: options.note ?? null,
        createdAt: now(),
        updatedAt: now(),
      })
      .returning();
    if (!subscription) throw new Error("insert returned no row");
    if (chain.previousSubscriptionId !== null) {
      await tx
        .update(subscriptions)
        .set({ nextSubscriptionId: subscription.id, updatedAt: now() })
        .where(eq(subscriptions.id, chain.previousSubscriptionId));
    }
    await recordEvent(tx, {
      name: "subscription.created",
      userId: subscription.userId,
      payload: {
        subscription_id: subscription.id,
        subscription_type_id: type.id,
        subscription_type_code: type.code,
        kind: subscription.kind,
        is_paid: subscription.isPaid,
        payment_id: subscription.paymentId,
        start_at: subscription.startAt.toISOString(),
        end_at: subscription.endAt.toISOString(),
      },
    });
    return subscription;
  });
}
