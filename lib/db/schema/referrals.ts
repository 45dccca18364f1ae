import { sql, type InferSelectModel } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { createdAt, id, timestamptz, updatedAt } from "./columns";
import { users } from "./users";
import { payments } from "./payments";
import { subscriptions } from "./subscriptions";

/** One registry entry chosen for a program: its key and its options (validated by the entry's zod schema). */
export interface RegistryChoice {
  type: string;
  options: Record<string, unknown>;
}

/**
 * A referral program (Mothership's "reward config"): what fires completion (triggers), what must hold (constraints),
 * what the referrer gets and, optionally, what the friend gets. Every part is a registry entry (lib/referrals/).
 */
export const referralPrograms = pgTable(
  "referral_programs",
  {
    id: id(),
    name: text("name").notNull().unique(),
    active: boolean("active").notNull().default(true),
    /** New referrals join the default program; at most one. */
    isDefault: boolean("is_default").notNull().default(false),
    /** Trigger keys (lib/referrals/triggers): any of them firing evaluates a pending referral. */
    triggers: jsonb("triggers").$type<RegistryChoice[]>().notNull().default([]),
    constraints: jsonb("constraints").$type<RegistryChoice[]>().notNull().default([]),
    /** The referrer's reward (lib/referrals/rewards). */
    reward: jsonb("reward").$type<RegistryChoice>().notNull(),
    /** The referred friend's reward; null = one-sided. */
    friendReward: jsonb("friend_reward").$type<RegistryChoice | null>(),
    /** Rewards a referrer can earn in this program; null = no cap. */
    maxRewardsPerReferrer: integer("max_rewards_per_referrer"),
    /** A friend seen on the referrer's browser or IP within these days is held for review. */
    reviewWindowDays: integer("review_window_days").notNull().default(30),
    /**
     * Days a reward earned through the friend's payment is held before it is granted; a refund within them takes it
     * back before it was ever given. 0 = granted at once.
     */
    rewardHoldDays: integer("reward_hold_days").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("referral_programs_one_default")
      .on(t.isDefault)
      .where(sql`${t.isDefault}`),
    check(
      "referral_programs_cap_positive",
      sql`${t.maxRewardsPerReferrer} is null or ${t.maxRewardsPerReferrer} > 0`,
    ),
    check("referral_programs_window_nonnegative", sql`${t.reviewWindowDays} >= 0`),
    check("referral_programs_hold_nonnegative", sql`${t.rewardHoldDays} >= 0`),
  ],
);
export type ReferralProgram = InferSelectModel<typeof referralPrograms>;

/** A user's referral link code (`/r/<code>`), made on first use. */
export const referralLinks = pgTable("referral_links", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  code: text("code").notNull().unique(),
  createdAt: createdAt(),
});
export type ReferralLink = InferSelectModel<typeof referralLinks>;

/**
 * Where a user has been seen (sign-in, their own referral link): the fraud guard compares a friend's browser and IP
 * with the referrer's. Both are HMACs, never the raw values.
 */
export const userSightings = pgTable(
  "user_sightings",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** '' when unknown (not null, so the pair can be a unique key). */
    browserHash: text("browser_hash").notNull().default(""),
    ipHash: text("ip_hash").notNull().default(""),
    seenAt: timestamptz("seen_at").notNull(),
  },
  (t) => [
    index("user_sightings_user_idx").on(t.userId, t.seenAt),
    uniqueIndex("user_sightings_key").on(t.userId, t.browserHash, t.ipHash),
  ],
);

export const referralStatus = pgEnum("referral_status", [
  "pending",
  "complete",
  "error",
  "expired",
  "rejected",
]);
export type ReferralStatus = (typeof referralStatus.enumValues)[number];

export const referralSource = pgEnum("referral_source", ["link", "invitation"]);
export type ReferralSource = (typeof referralSource.enumValues)[number];

/** null = not reviewed (no flag); `flagged` = waiting for an admin; then `approved` or `rejected`. */
export const referralReview = pgEnum("referral_review", ["flagged", "approved", "rejected"]);
export type ReferralReview = (typeof referralReview.enumValues)[number];

export const referrals = pgTable(
  "referrals",
  {
    id: id(),
    referrerUserId: integer("referrer_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    referredEmail: text("referred_email").notNull(),
    referredName: text("referred_name"),
    /** The friend's account, once they registered. */
    referredUserId: integer("referred_user_id")
      .unique()
      .references(() => users.id, { onDelete: "set null" }),
    programId: integer("program_id")
      .notNull()
      .references(() => referralPrograms.id, { onDelete: "restrict" }),
    status: referralStatus("status").notNull().default("pending"),
    source: referralSource("source").notNull(),
    /** Fraud-guard findings: same_browser, same_ip, email_alias. */
    flags: text("flags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    review: referralReview("review"),
    reviewedByUserId: integer("reviewed_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    reviewedAt: timestamptz("reviewed_at"),
    /** The trigger that fired (kept while a flagged referral waits for review, and after completion). */
    trigger: text("trigger"),
    triggeredAt: timestamptz("triggered_at"),
    triggerPaymentId: integer("trigger_payment_id").references(() => payments.id, {
      onDelete: "set null",
    }),
    /** Why the last reward attempt failed (status `error`). */
    errorReason: text("error_reason"),
    /** Completed past the program's cap: the referrer got nothing for it. */
    rewardCapped: boolean("reward_capped").notNull().default(false),
    expiresAt: timestamptz("expires_at"),
    completedAt: timestamptz("completed_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    /** "Already referred by anyone": one referral per address, ever, whoever made it. */
    uniqueIndex("referrals_referred_email_key").on(sql`lower(${t.referredEmail})`),
    index("referrals_referrer_idx").on(t.referrerUserId, t.createdAt),
    index("referrals_program_idx").on(t.programId, t.status),
    index("referrals_pending_expiry_idx")
      .on(t.expiresAt)
      .where(sql`${t.status} = 'pending'`),
    index("referrals_review_idx")
      .on(t.review)
      .where(sql`${t.review} = 'flagged'`),
  ],
);
export type Referral = InferSelectModel<typeof referrals>;

export const discountKind = pgEnum("discount_kind", ["percent", "fixed"]);
export type DiscountKind = (typeof discountKind.enumValues)[number];

/** A one-use code off one payment of its owner. Bound to a payment when applied; used when that payment is paid. */
export const discountCodes = pgTable(
  "discount_codes",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    code: text("code").notNull().unique(),
    kind: discountKind("kind").notNull(),
    percentOff: integer("percent_off"),
    amountOffCents: integer("amount_off_cents"),
    expiresAt: timestamptz("expires_at"),
    /** The payment it is applied to (a `form` payment until paid); one payment per code and one code per payment. */
    paymentId: integer("payment_id")
      .unique()
      .references(() => payments.id, { onDelete: "set null" }),
    usedAt: timestamptz("used_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("discount_codes_user_idx").on(t.userId, t.createdAt),
    check(
      "discount_codes_amount",
      sql`(${t.kind} = 'percent' and ${t.percentOff} between 1 and 100 and ${t.amountOffCents} is null)
        or (${t.kind} = 'fixed' and ${t.amountOffCents} > 0 and ${t.percentOff} is null)`,
    ),
  ],
);
export type DiscountCode = InferSelectModel<typeof discountCodes>;

export const referralRewardRole = pgEnum("referral_reward_role", ["referrer", "friend"]);
export type ReferralRewardRole = (typeof referralRewardRole.enumValues)[number];

/** A granted reward: what, to whom, when. One per referral and role. */
export const referralRewards = pgTable(
  "referral_rewards",
  {
    id: id(),
    referralId: integer("referral_id")
      .notNull()
      .references(() => referrals.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: referralRewardRole("role").notNull(),
    rewardType: text("reward_type").notNull(),
    /** A human summary ("30 free days", "20% off your next payment"). */
    description: text("description").notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    subscriptionId: integer("subscription_id").references(() => subscriptions.id, {
      onDelete: "set null",
    }),
    discountCodeId: integer("discount_code_id").references(() => discountCodes.id, {
      onDelete: "set null",
    }),
    /**
     * `held`: earned, granted at `grantAt` unless the friend's qualifying payment is refunded first; `granted`;
     * `clawed_back`: taken back (`clawbackReason`) after such a refund.
     */
    status: text("status").$type<"held" | "granted" | "clawed_back">().notNull().default("granted"),
    grantAt: timestamptz("grant_at"),
    clawedBackAt: timestamptz("clawed_back_at"),
    clawbackReason: text("clawback_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("referral_rewards_one_per_role").on(t.referralId, t.role),
    index("referral_rewards_held_idx")
      .on(t.grantAt)
      .where(sql`${t.status} = 'held'`),
    index("referral_rewards_user_idx").on(t.userId, t.createdAt),
  ],
);
export type ReferralReward = InferSelectModel<typeof referralRewards>;
