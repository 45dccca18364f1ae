import "server-only";
import { and, eq } from "drizzle-orm";
import { addDays, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { subscriptionTypes, type RegistryChoice } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { extendActualSubscription } from "@/lib/subscriptions/extend-subscription";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { createDiscountCode } from "../discounts/create-discount-code";
import type { ReferralRegistryEntry } from "../registry";
import discount from "./discount";
import freeDays from "./free-days";

/** What a grant gave: recorded as a referral_rewards row. */
export interface GrantedReward {
  description: string;
  detail: Record<string, unknown>;
  subscriptionId?: number;
  discountCodeId?: number;
}

/** A reward that cannot be granted: the referral becomes `error` with this message, retryable by an admin. */
export const rewardFailed = (code: string, message: string) => new AppError(code, message, 409);

/**
 * Grant one reward to a user inside the caller's transaction. Null for `no_reward`. Options are parsed again with
 * the entry's schema, so a program saved before a schema change fails here with a reason instead of granting
 * something malformed.
 */
export async function grantReward(
  tx: Db,
  userId: number,
  reward: RegistryChoice,
): Promise<GrantedReward | null> {
  switch (reward.type) {
    case "no_reward":
      return null;
    case "free_days":
      return grantFreeDays(tx, userId, optionsOf(freeDays, reward.options));
    case "discount":
      return grantDiscount(tx, userId, optionsOf(discount, reward.options));
    default:
      throw rewardFailed("reward_type_unknown", `Unknown reward type "${reward.type}".`);
  }
}

function optionsOf<Options extends Record<string, unknown>>(
  entry: ReferralRegistryEntry<string, Options>,
  options: unknown,
): Options {
  const parsed = entry.optionsSchema.safeParse(options);
  if (!parsed.success)
    throw rewardFailed(
      "reward_options_invalid",
      `The ${entry.label} reward is misconfigured: ${parsed.error.issues[0]?.message}`,
    );
  return parsed.data;
}

async function grantFreeDays(
  tx: Db,
  userId: number,
  options: { days: number; subscription_type_code?: string },
): Promise<GrantedReward> {
  const description = freeDays.describe(options);
  const extended = await extendActualSubscription(tx, { userId, days: options.days });
  if (extended) {
    return {
      description,
      detail: {
        mode: "extended",
        days: options.days,
        previous_end_at: extended.previousEndAt.toISOString(),
        end_at: extended.subscription.endAt.toISOString(),
      },
      subscriptionId: extended.subscription.id,
    };
  }
  if (!options.subscription_type_code) {
    throw rewardFailed(
      "reward_no_subscription",
      "The user has no running subscription to extend, and the program grants no subscription type.",
    );
  }
  const [type] = await tx
    .select({ id: subscriptionTypes.id })
    .from(subscriptionTypes)
    .where(
      and(
        eq(subscriptionTypes.code, options.subscription_type_code),
        eq(subscriptionTypes.active, true),
      ),
    );
  if (!type) {
    throw rewardFailed(
      "reward_subscription_type_missing",
      `No active subscription type "${options.subscription_type_code}" to grant.`,
    );
  }
  const at = now();
  const subscription = await createSubscription(tx, {
    userId,
    subscriptionTypeId: type.id,
    startAt: at,
    endAt: addDays(at, options.days),
    kind: "referral_reward",
    isPaid: false,
    note: "Refer-a-friend reward",
  });
  return {
    description,
    detail: {
      mode: "granted",
      days: options.days,
      subscription_type_code: options.subscription_type_code,
      end_at: subscription.endAt.toISOString(),
    },
    subscriptionId: subscription.id,
  };
}

async function grantDiscount(
  tx: Db,
  userId: number,
  options: {
    kind: "percent" | "fixed";
    percent_off?: number;
    amount_off_cents?: number;
    valid_days?: number;
  },
): Promise<GrantedReward> {
  const code = await createDiscountCode(tx, {
    userId,
    kind: options.kind,
    percentOff: options.percent_off,
    amountOffCents: options.amount_off_cents,
    expiresAt: options.valid_days ? addDays(now(), options.valid_days) : null,
  });
  return {
    description: discount.describe(options),
    detail: {
      code: code.code,
      kind: code.kind,
      percent_off: code.percentOff,
      amount_off_cents: code.amountOffCents,
      expires_at: code.expiresAt?.toISOString() ?? null,
    },
    discountCodeId: code.id,
  };
}
