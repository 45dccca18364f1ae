import { type InferInsertModel, type InferSelectModel } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAt, id, timestamptz, updatedAt } from "./columns";
import { users } from "./users";
import { payments } from "./payments";

export const contentAccess = pgTable("content_access", {
  id: id(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  description: text("description"),
  sorting: integer("sorting").notNull().default(100),
  createdAt: createdAt(),
});
export type ContentAccess = InferSelectModel<typeof contentAccess>;

export const subscriptionTypes = pgTable(
  "subscription_types",
  {
    id: id(),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    lengthDays: integer("length_days").notNull(),
    priceCents: integer("price_cents").notNull(),
    active: boolean("active").notNull().default(true),
    isDefault: boolean("is_default").notNull().default(false),
    nextSubscriptionTypeId: integer("next_subscription_type_id").references(
      (): AnyPgColumn => subscriptionTypes.id,
      {
        onDelete: "set null",
      },
    ),
    fixedEnd: timestamptz("fixed_end"),
    /** Sold on the public pricing page (/subscribe) and through POST /api/v1/purchases. */
    offered: boolean("offered").notNull().default(false),
    /** Order on the pricing page, lowest first. */
    position: integer("position").notNull().default(100),
    /** A short line for the pricing page ("Every article, every day"). */
    description: text("description"),
    /** Shown as the recommended choice of its group. */
    highlighted: boolean("highlighted").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("subscription_types_length_positive", sql`${t.lengthDays} > 0`),
    check("subscription_types_price_nonnegative", sql`${t.priceCents} >= 0`),
    index("subscription_types_offered_idx")
      .on(t.position)
      .where(sql`${t.offered}`),
  ],
);
export type SubscriptionType = InferSelectModel<typeof subscriptionTypes>;
export type NewSubscriptionType = InferInsertModel<typeof subscriptionTypes>;

export const subscriptionTypeContentAccess = pgTable(
  "subscription_type_content_access",
  {
    subscriptionTypeId: integer("subscription_type_id")
      .notNull()
      .references(() => subscriptionTypes.id, { onDelete: "cascade" }),
    contentAccessId: integer("content_access_id")
      .notNull()
      .references(() => contentAccess.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.subscriptionTypeId, t.contentAccessId] })],
);

export const subscriptionKind = pgEnum("subscription_kind", [
  "regular",
  "upgrade",
  "family",
  "gift",
  "referral_reward",
]);
export type SubscriptionKind = (typeof subscriptionKind.enumValues)[number];

export const subscriptions = pgTable(
  "subscriptions",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    subscriptionTypeId: integer("subscription_type_id")
      .notNull()
      .references(() => subscriptionTypes.id, { onDelete: "restrict" }),
    startAt: timestamptz("start_at").notNull(),
    endAt: timestamptz("end_at").notNull(),
    kind: subscriptionKind("kind").notNull().default("regular"),
    isPaid: boolean("is_paid").notNull().default(false),
    paymentId: integer("payment_id").references((): AnyPgColumn => payments.id, {
      onDelete: "set null",
    }),
    nextSubscriptionId: integer("next_subscription_id").references(
      (): AnyPgColumn => subscriptions.id,
      {
        onDelete: "set null",
      },
    ),
    note: text("note"),
    /** When `subscription.started` / `subscription.ended` were recorded: each is emitted exactly once. */
    startedEventAt: timestamptz("started_event_at"),
    endedEventAt: timestamptz("ended_event_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("subscriptions_end_after_start", sql`${t.endAt} >= ${t.startAt}`),
    index("subscriptions_start_pending_idx")
      .on(t.startAt)
      .where(sql`${t.startedEventAt} is null`),
    index("subscriptions_end_pending_idx")
      .on(t.endAt)
      .where(sql`${t.endedEventAt} is null`),
    /** Scenario before-events look up end dates, including those that just passed. */
    index("subscriptions_end_idx").on(t.endAt),
    index("subscriptions_user_end_idx").on(t.userId, t.endAt),
    // INCLUDE (end_at, user_id) in migration 0010: the dashboard's new subscriptions.
    index("subscriptions_start_idx").on(t.startAt),
    index("subscriptions_payment_idx").on(t.paymentId),
  ],
);
export type Subscription = InferSelectModel<typeof subscriptions>;
export type NewSubscription = InferInsertModel<typeof subscriptions>;
