import { sql, type InferInsertModel, type InferSelectModel } from "drizzle-orm";
import {
  type AnyPgColumn,
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
import { subscriptionTypes } from "./subscriptions";

/**
 * `form`: unpaid, payable. `pending`: handed to the gateway (a charge in flight, a customer at the gateway's checkout
 * page, or a charge waiting for the customer's confirmation); settled to `paid` or `fail` (or back to `form` when
 * the customer left the gateway's page) by the gateway's answer, its webhook or the reconciliation cron.
 */
export const paymentStatus = pgEnum("payment_status", [
  "form",
  "pending",
  "paid",
  "fail",
  "refund",
]);
export type PaymentStatus = (typeof paymentStatus.enumValues)[number];

export const payments = pgTable(
  "payments",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    amountCents: integer("amount_cents").notNull(),
    status: paymentStatus("status").notNull().default("form"),
    gateway: text("gateway").notNull(),
    paidAt: timestamptz("paid_at"),
    refundedAt: timestamptz("refunded_at"),
    upgradeType: text("upgrade_type"),
    /** The recurrent payment whose charge created this payment, when it is a renewal. */
    recurrentPaymentId: integer("recurrent_payment_id").references(
      (): AnyPgColumn => recurrentPayments.id,
      {
        onDelete: "set null",
      },
    ),
    /** When set, a paid payment sets up a recurrent payment charging this gateway card token. */
    recurrentCardToken: text("recurrent_card_token"),
    failureReason: text("failure_reason"),
    /** Charge attempts sent to the gateway; the current one's idempotency key is chargeIdempotencyKey(id, attempt). */
    chargeAttempt: integer("charge_attempt").notNull().default(0),
    /** The receipt's number (`2026-000042`), assigned once, in the transaction that marks the payment paid. */
    receiptNumber: text("receipt_number").unique(),
    /** The credit note's number when the payment is refunded (`CN-2026-000007`). */
    creditNoteNumber: text("credit_note_number").unique(),
    /** The gateway's id for this payment's charge (a PaymentIntent, a Checkout Session, a demo transaction). */
    gatewayReference: text("gateway_reference"),
    /**
     * When the payment went `pending`; cleared when it settles. Reconciliation asks the gateway about payments
     * pending for a while. (The index tests this column, not the status: a new enum value is unusable in the
     * migration's own transaction.)
     */
    pendingSince: timestamptz("pending_since"),
    meta: jsonb("meta").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("payments_amount_nonnegative", sql`${t.amountCents} >= 0`),
    index("payments_user_idx").on(t.userId, t.createdAt),
    // INCLUDE (amount_cents) since migration 0010 (drizzle cannot say INCLUDE): the dashboard's revenue, index-only.
    index("payments_status_idx").on(t.status, t.paidAt),
    // INCLUDE (status) in migration 0010: the dashboard's renewal success rate.
    index("payments_renewal_created_idx")
      .on(t.createdAt)
      .where(sql`${t.recurrentPaymentId} is not null`),
    index("payments_pending_idx")
      .on(t.pendingSince)
      .where(sql`${t.pendingSince} is not null`),
    // API Idempotency-Key (lib/api/idempotency.ts): one payment per token-scoped key, even under a race.
    uniqueIndex("payments_idempotency_key").on(sql`(${t.meta}->>'idempotency_key')`),
  ],
);
export type Payment = InferSelectModel<typeof payments>;
export type NewPayment = InferInsertModel<typeof payments>;

export const paymentItemType = pgEnum("payment_item_type", [
  "subscription_type",
  "product",
  "donation",
]);
export type PaymentItemType = (typeof paymentItemType.enumValues)[number];

export const paymentItems = pgTable(
  "payment_items",
  {
    id: id(),
    paymentId: integer("payment_id")
      .notNull()
      .references(() => payments.id, { onDelete: "cascade" }),
    type: paymentItemType("type").notNull(),
    subscriptionTypeId: integer("subscription_type_id").references(() => subscriptionTypes.id, {
      onDelete: "restrict",
    }),
    name: text("name").notNull(),
    /** Price of one unit, in cents. */
    amountCents: integer("amount_cents").notNull(),
    count: integer("count").notNull().default(1),
    meta: jsonb("meta").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    check("payment_items_count_positive", sql`${t.count} > 0`),
    check("payment_items_amount_nonnegative", sql`${t.amountCents} >= 0`),
    check(
      "payment_items_subscription_type_required",
      sql`${t.type} <> 'subscription_type' or ${t.subscriptionTypeId} is not null`,
    ),
    index("payment_items_payment_idx").on(t.paymentId),
  ],
);
export type PaymentItem = InferSelectModel<typeof paymentItems>;

export const recurrentState = pgEnum("recurrent_state", [
  "active",
  "user_stop",
  "admin_stop",
  "system_stop",
  "charged",
  "charge_failed",
]);
export type RecurrentState = (typeof recurrentState.enumValues)[number];

/**
 * One pending charge of a recurring chain (REMP's model): charging it creates the next payment, marks this row
 * `charged` and starts a new row from that payment.
 */
export const recurrentPayments = pgTable(
  "recurrent_payments",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    cardToken: text("card_token").notNull(),
    gateway: text("gateway").notNull(),
    parentPaymentId: integer("parent_payment_id")
      .notNull()
      .unique()
      .references((): AnyPgColumn => payments.id, { onDelete: "cascade" }),
    /** The payment this row's charge created (set once charged or failed). */
    paymentId: integer("payment_id").references((): AnyPgColumn => payments.id, {
      onDelete: "set null",
    }),
    subscriptionTypeId: integer("subscription_type_id")
      .notNull()
      .references(() => subscriptionTypes.id, { onDelete: "restrict" }),
    nextSubscriptionTypeId: integer("next_subscription_type_id").references(
      () => subscriptionTypes.id,
      {
        onDelete: "set null",
      },
    ),
    customAmountCents: integer("custom_amount_cents"),
    chargeAt: timestamptz("charge_at").notNull(),
    expiresAt: timestamptz("expires_at"),
    state: recurrentState("state").notNull().default("active"),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    /** After a decline: when to try again (the charge is due at coalesce(next_attempt_at, charge_at)). */
    nextAttemptAt: timestamptz("next_attempt_at"),
    lastFailureReason: text("last_failure_reason"),
    /** The saved card as the customer sees it (from the gateway; null for cards saved before this was kept). */
    cardBrand: text("card_brand"),
    cardLast4: text("card_last4"),
    cardExpMonth: integer("card_exp_month"),
    cardExpYear: integer("card_exp_year"),
    /**
     * Set when the customer scheduled a switch of plan (`nextSubscriptionTypeId`) for the next charge; cancelling the
     * switch puts back the type's own next type.
     */
    planChangedAt: timestamptz("plan_changed_at"),
    stoppedAt: timestamptz("stopped_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("recurrent_payments_user_idx").on(t.userId),
    // INCLUDE (created_at, subscription_type_id, state, stopped_at) in migration 0010: the dashboard's MRR.
    index("recurrent_payments_charge_at_idx").on(t.chargeAt),
    index("recurrent_payments_due_idx")
      .on(sql`coalesce(${t.nextAttemptAt}, ${t.chargeAt})`)
      .where(sql`${t.state} = 'active'`),
    index("recurrent_payments_expires_idx")
      .on(t.expiresAt)
      .where(sql`${t.state} = 'active'`),
    /** Scenario before-events on the charge date: an active row, or one charged (or declined) at that date. */
    index("recurrent_payments_charge_date_idx")
      .on(sql`coalesce(${t.nextAttemptAt}, ${t.chargeAt})`)
      .where(sql`${t.state} in ('active', 'charged', 'charge_failed')`),
  ],
);
export type RecurrentPayment = InferSelectModel<typeof recurrentPayments>;

/**
 * Webhook events a gateway delivered, by the gateway's event id: a redelivered event is acknowledged and not
 * handled again.
 */
export const gatewayWebhookEvents = pgTable(
  "gateway_webhook_events",
  {
    id: id(),
    gateway: text("gateway").notNull(),
    eventId: text("event_id").notNull(),
    type: text("type").notNull(),
    paymentId: integer("payment_id").references(() => payments.id, { onDelete: "set null" }),
    receivedAt: createdAt(),
  },
  (t) => [uniqueIndex("gateway_webhook_events_event_key").on(t.gateway, t.eventId)],
);

/** A user's customer record at a gateway (Stripe's `cus_…`), created once and reused for every saved card. */
export const gatewayCustomers = pgTable(
  "gateway_customers",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    gateway: text("gateway").notNull(),
    customerId: text("customer_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("gateway_customers_user_key").on(t.userId, t.gateway)],
);

/**
 * The demo gateway's own ledger: what it charged and declined, by idempotency key, so it behaves like a real
 * gateway (a replayed key answers the first result and charges nothing; reconciliation can ask about a charge).
 */
export const demoGatewayCharges = pgTable("demo_gateway_charges", {
  id: id(),
  idempotencyKey: text("idempotency_key").notNull().unique(),
  reference: text("reference").notNull().unique(),
  paymentId: integer("payment_id").notNull(),
  cardToken: text("card_token").notNull(),
  amountCents: integer("amount_cents").notNull(),
  status: text("status").$type<"paid" | "declined">().notNull(),
  refundedAt: timestamptz("refunded_at"),
  createdAt: createdAt(),
});

/** Gap-free numbering of receipts and credit notes, one counter per kind and calendar year (row-locked to take one). */
export const documentCounters = pgTable(
  "document_counters",
  {
    kind: text("kind").$type<"receipt" | "credit_note">().notNull(),
    year: integer("year").notNull(),
    lastNumber: integer("last_number").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.kind, t.year] })],
);
