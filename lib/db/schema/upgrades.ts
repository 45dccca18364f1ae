import { sql, type InferSelectModel } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { createdAt, id, timestamptz, updatedAt } from "./columns";
import { users } from "./users";
import { subscriptions, subscriptionTypes } from "./subscriptions";
import { payments } from "./payments";

/** The four upgrade methods (design.md "Upgrades"). */
export const upgradeType = pgEnum("upgrade_type", [
  "paid_recurrent",
  "free_recurrent",
  "paid_extend",
  "short",
]);
export type UpgradeType = (typeof upgradeType.enumValues)[number];

export const upgradeSchemas = pgTable("upgrade_schemas", {
  id: id(),
  name: text("name").notNull().unique(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type UpgradeSchema = InferSelectModel<typeof upgradeSchemas>;

/** Config is validated by `upgradeOptionConfigSchema` (lib/upgrades/option-config.ts) on every save. */
export interface UpgradeOptionConfig {
  require_content: string[];
  omit_content?: string[];
  /** Price raise per 31 days, in cents. */
  monthly_fix?: number;
  require_tags?: string[];
}

export const upgradeOptions = pgTable(
  "upgrade_options",
  {
    id: id(),
    upgradeSchemaId: integer("upgrade_schema_id")
      .notNull()
      .references(() => upgradeSchemas.id, { onDelete: "cascade" }),
    type: upgradeType("type").notNull(),
    config: jsonb("config").$type<UpgradeOptionConfig>().notNull(),
    /** Explicit target type; null resolves the target from the config (cheapest matching default type). */
    subscriptionTypeId: integer("subscription_type_id").references(() => subscriptionTypes.id, {
      onDelete: "restrict",
    }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("upgrade_options_schema_idx").on(t.upgradeSchemaId)],
);
export type UpgradeOption = InferSelectModel<typeof upgradeOptions>;

export const subscriptionTypeUpgradeSchemas = pgTable(
  "subscription_type_upgrade_schemas",
  {
    subscriptionTypeId: integer("subscription_type_id")
      .notNull()
      .references(() => subscriptionTypes.id, { onDelete: "cascade" }),
    upgradeSchemaId: integer("upgrade_schema_id")
      .notNull()
      .references(() => upgradeSchemas.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.subscriptionTypeId, t.upgradeSchemaId] }),
    index("subscription_type_upgrade_schemas_schema_idx").on(t.upgradeSchemaId),
  ],
);

/** `pending`: a paid_extend waiting for its payment; `completed`: applied. */
export const upgradeStatus = pgEnum("upgrade_status", ["pending", "completed"]);
export type UpgradeStatus = (typeof upgradeStatus.enumValues)[number];

export const subscriptionUpgrades = pgTable(
  "subscription_upgrades",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    baseSubscriptionId: integer("base_subscription_id")
      .notNull()
      .references(() => subscriptions.id, { onDelete: "cascade" }),
    /** Null while a paid_extend waits for its payment. */
    upgradedSubscriptionId: integer("upgraded_subscription_id").references(() => subscriptions.id, {
      onDelete: "set null",
    }),
    type: upgradeType("type").notNull(),
    status: upgradeStatus("status").notNull().default("completed"),
    targetSubscriptionTypeId: integer("target_subscription_type_id")
      .notNull()
      .references(() => subscriptionTypes.id, { onDelete: "restrict" }),
    upgradeOptionId: integer("upgrade_option_id").references(() => upgradeOptions.id, {
      onDelete: "set null",
    }),
    paymentId: integer("payment_id").references(() => payments.id, { onDelete: "set null" }),
    chargeCents: integer("charge_cents").notNull().default(0),
    creditCents: integer("credit_cents").notNull().default(0),
    /** The client's key: a double submit finds the first upgrade instead of performing a second. */
    idempotencyKey: text("idempotency_key"),
    /** Set when this row shortened a subscription following an upgraded one (subsequent upgrades). */
    parentUpgradeId: integer("parent_upgrade_id"),
    completedAt: timestamptz("completed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      "subscription_upgrades_amounts_nonnegative",
      sql`${t.chargeCents} >= 0 and ${t.creditCents} >= 0`,
    ),
    uniqueIndex("subscription_upgrades_idempotency").on(t.userId, t.idempotencyKey),
    index("subscription_upgrades_user_idx").on(t.userId, t.createdAt),
    uniqueIndex("subscription_upgrades_payment").on(t.paymentId),
  ],
);
export type SubscriptionUpgrade = InferSelectModel<typeof subscriptionUpgrades>;
