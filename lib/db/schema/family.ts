import { sql, type InferSelectModel } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, id, timestamptz, updatedAt } from "./columns";
import { users } from "./users";
import { subscriptions, subscriptionTypes } from "./subscriptions";

/** How a child subscription's dates are chosen (design.md "Family"). */
export const familyDonationMethod = pgEnum("family_donation_method", ["copy", "days", "fixed"]);
export type FamilyDonationMethod = (typeof familyDonationMethod.enumValues)[number];

export const familySubscriptionTypes = pgTable(
  "family_subscription_types",
  {
    id: id(),
    masterSubscriptionTypeId: integer("master_subscription_type_id")
      .notNull()
      .unique()
      .references(() => subscriptionTypes.id, { onDelete: "cascade" }),
    /** The children's type; null for a customizable family (the child types come from the payment's items). */
    childSubscriptionTypeId: integer("slave_subscription_type_id").references(
      () => subscriptionTypes.id,
      {
        onDelete: "restrict",
      },
    ),
    donationMethod: familyDonationMethod("donation_method").notNull().default("copy"),
    /** For `days`: how long a child subscription lasts from activation. */
    donationDays: integer("donation_days"),
    /** For `fixed`: when every child subscription ends. */
    donationFixedEnd: timestamptz("donation_fixed_end"),
    /** Requests per master subscription; 0 = the payment item's count (dynamic). */
    count: integer("count").notNull().default(0),
    /** Whether child subscriptions count as paid. */
    isPaid: boolean("is_paid").notNull().default(false),
    /** Whether the master may activate their own codes. */
    allowSelfUse: boolean("allow_self_use").notNull().default(false),
    /** A new master subscription starting at most this many days after the old one ended renews the children. */
    renewalGapDays: integer("renewal_gap_days").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("family_types_count_nonnegative", sql`${t.count} >= 0 and ${t.count} <= 1000`),
    check("family_types_gap_nonnegative", sql`${t.renewalGapDays} >= 0`),
    check(
      "family_types_days_required",
      sql`${t.donationMethod} <> 'days' or ${t.donationDays} > 0`,
    ),
    check(
      "family_types_fixed_end_required",
      sql`${t.donationMethod} <> 'fixed' or ${t.donationFixedEnd} is not null`,
    ),
  ],
);
export type FamilySubscriptionType = InferSelectModel<typeof familySubscriptionTypes>;

export const familyRequestStatus = pgEnum("family_request_status", [
  "created",
  "accepted",
  "canceled",
]);
export type FamilyRequestStatus = (typeof familyRequestStatus.enumValues)[number];

export const familyRequests = pgTable(
  "family_requests",
  {
    id: id(),
    masterUserId: integer("master_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    childUserId: integer("slave_user_id").references(() => users.id, { onDelete: "set null" }),
    masterSubscriptionId: integer("master_subscription_id")
      .notNull()
      .references(() => subscriptions.id, { onDelete: "cascade" }),
    childSubscriptionId: integer("slave_subscription_id").references(() => subscriptions.id, {
      onDelete: "set null",
    }),
    /** The type a child subscription from this request gets. */
    subscriptionTypeId: integer("subscription_type_id")
      .notNull()
      .references(() => subscriptionTypes.id, { onDelete: "restrict" }),
    status: familyRequestStatus("status").notNull().default("created"),
    /** 32 characters of [0-9a-z] from a cryptographic source. */
    code: text("code").notNull().unique(),
    note: text("note"),
    /** The request this one replaced (a child stopped or released while the master runs). */
    replacesRequestId: integer("replaces_request_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    openedAt: timestamptz("opened_at"),
    acceptedAt: timestamptz("accepted_at"),
    canceledAt: timestamptz("canceled_at"),
    /** Why a request was canceled: `left` (the child left), `revoked` (the master withdrew an unused code), `released`, `stopped`. */
    cancelReason: text("cancel_reason"),
    expiresAt: timestamptz("expires_at"),
  },
  (t) => [
    index("family_requests_master_subscription_idx").on(t.masterSubscriptionId, t.status),
    index("family_requests_master_user_idx").on(t.masterUserId, t.createdAt),
    index("family_requests_slave_subscription_idx").on(t.childSubscriptionId),
    /** One child per user and master subscription is checked under an advisory lock (admins may exceed it). */
    index("family_requests_master_slave_idx").on(t.masterSubscriptionId, t.childUserId),
  ],
);
export type FamilyRequest = InferSelectModel<typeof familyRequests>;
