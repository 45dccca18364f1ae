import "server-only";
import { and, eq, gt, gte, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { DAY_MS, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { subscriptions, type ReferralReward } from "@/lib/db/schema";
import { stopSubscription } from "@/lib/subscriptions/stop-subscription";

/** A clawback's verdict on one granted reward: taken back, or kept and why. */
export interface ClawbackVerdict {
  takenBack: boolean;
  reason: string;
}

/** What grantFreeDays recorded (grant-reward.ts). */
const freeDaysDetailSchema = z.object({
  mode: z.enum(["extended", "granted"]),
  days: z.number().int().positive(),
});

const day = (date: Date) => date.toISOString().slice(0, 10);
const daysText = (ms: number) => {
  const days = Math.floor((ms / DAY_MS) * 10) / 10;
  return `${days} free day${days === 1 ? "" : "s"}`;
};

/**
 * Take back granted free days, inside the refund's transaction. An extension is removed from the end of the extended
 * subscription while that end lies ahead (only the part not lived through yet, when the friend's refund comes inside
 * the free days), and the subscriptions queued after it move back by the same time, undoing the shift the grant made.
 * A granted `referral_reward` subscription that has not ended is stopped. An ended one is kept, with the reason.
 */
export async function takeBackFreeDays(tx: Db, reward: ReferralReward): Promise<ClawbackVerdict> {
  const detail = freeDaysDetailSchema.safeParse(reward.detail);
  if (!detail.success || reward.subscriptionId === null) {
    return {
      takenBack: false,
      reason: "kept: the subscription the free days went to is no longer known",
    };
  }
  const at = now();
  const [subscription] = await tx
    .select()
    .from(subscriptions)
    .where(
      and(eq(subscriptions.id, reward.subscriptionId), eq(subscriptions.userId, reward.userId)),
    )
    .for("no key update");
  if (!subscription)
    return { takenBack: false, reason: "kept: the subscription the free days went to is gone" };
  if (subscription.endAt.getTime() <= at.getTime()) {
    return {
      takenBack: false,
      reason: `kept: the free days were already used (subscription #${subscription.id} ended ${day(subscription.endAt)})`,
    };
  }

  if (detail.data.mode === "granted" && subscription.kind === "referral_reward") {
    await stopSubscription(tx, {
      subscriptionId: subscription.id,
      actor: SYSTEM_ACTOR,
      note: "Refer-a-friend reward taken back: the friend's payment was refunded",
    });
    return {
      takenBack: true,
      reason: `the friend's payment was refunded, so reward subscription #${subscription.id} was stopped`,
    };
  }

  const grantedMs = detail.data.days * DAY_MS;
  const removeMs = Math.min(grantedMs, subscription.endAt.getTime() - at.getTime());
  const shift = sql`(${removeMs} * interval '1 millisecond')`;
  // Queued subscriptions first, as the extension moved them: same offset back, same order and lengths.
  await tx
    .update(subscriptions)
    .set({
      startAt: sql`${subscriptions.startAt} - ${shift}`,
      endAt: sql`${subscriptions.endAt} - ${shift}`,
      updatedAt: at,
    })
    .where(
      and(
        eq(subscriptions.userId, reward.userId),
        ne(subscriptions.id, subscription.id),
        gte(subscriptions.startAt, subscription.endAt),
        gt(subscriptions.startAt, at),
      ),
    );
  await tx
    .update(subscriptions)
    .set({ endAt: new Date(subscription.endAt.getTime() - removeMs), updatedAt: at })
    .where(eq(subscriptions.id, subscription.id));
  const what =
    removeMs === grantedMs
      ? daysText(grantedMs)
      : `the unused ${daysText(removeMs)} of ${detail.data.days}`;
  return {
    takenBack: true,
    reason: `the friend's payment was refunded, so ${what} came off subscription #${subscription.id}`,
  };
}
