import { sql, type InferInsertModel, type InferSelectModel } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, timestamptz } from "./columns";

/**
 * A person's role. `customer` is everyone who buys; the other five are staff, from most to least powerful
 * (lib/auth/permissions.ts says what each may do). Migration 0007 turned every earlier `admin` into an `owner`.
 */
export const userRole = pgEnum("user_role", [
  "owner",
  "admin",
  "marketer",
  "support",
  "viewer",
  "customer",
]);
export type UserRole = (typeof userRole.enumValues)[number];

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name"),
    passwordHash: text("password_hash"),
    role: userRole("role").notNull().default("customer"),
    createdAt: createdAt(),
    confirmedAt: timestamptz("confirmed_at"),
    lastLoginAt: timestamptz("last_login_at"),
    /** Set when a card payment of theirs was disputed (chargeback): renewals stop and admins see the flag. */
    paymentDisputedAt: timestamptz("payment_disputed_at"),
    /** The postal address printed on receipts (all optional; country is ISO 3166-1 alpha-2). */
    addressLine1: text("address_line1"),
    addressLine2: text("address_line2"),
    postalCode: text("postal_code"),
    city: text("city"),
    country: text("country"),
    /** Raised by a password change or reset: sessions issued before it are signed out. */
    sessionVersion: integer("session_version").notNull().default(0),
    /** The language of the customer zone and of their emails (lib/i18n/locales.ts); null: the browser's choice. */
    locale: text("locale"),
    /** IANA time zone (e.g. Europe/Bratislava) for dates shown to them; null: the installation's zone. */
    timeZone: text("time_zone"),
  },
  (t) => [
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    index("users_created_at_idx").on(t.createdAt),
    check("users_locale_check", sql`${t.locale} in ('en', 'sk')`),
  ],
);
export type User = InferSelectModel<typeof users>;
export type NewUser = InferInsertModel<typeof users>;

/** Server-to-server tokens: stored as a SHA-256 hash, whitelisted for named scopes. */
export const apiTokens = pgTable("api_tokens", {
  id: id(),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  tokenPrefix: text("token_prefix").notNull(),
  scopes: text("scopes").array().notNull(),
  createdByUserId: integer("created_by_user_id").references(() => users.id, {
    onDelete: "set null",
  }),
  createdAt: createdAt(),
  lastUsedAt: timestamptz("last_used_at"),
  revokedAt: timestamptz("revoked_at"),
});
export type ApiToken = InferSelectModel<typeof apiTokens>;

/** Bearer tokens issued to a user by POST /api/v1/users/login; hashed at rest, revocable. */
export const userTokens = pgTable(
  "user_tokens",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: timestamptz("last_used_at"),
    expiresAt: timestamptz("expires_at").notNull(),
    revokedAt: timestamptz("revoked_at"),
  },
  (t) => [index("user_tokens_user_id_idx").on(t.userId)],
);
export type UserToken = InferSelectModel<typeof userTokens>;

export const userActionTokenKind = pgEnum("user_action_token_kind", [
  "password_reset",
  "email_change",
]);
export type UserActionTokenKind = (typeof userActionTokenKind.enumValues)[number];

/**
 * Single-use links emailed to a user: a password reset, or the confirmation of a new email address (`newEmail`).
 * Only the token's SHA-256 hash is stored; a token is spent by setting `usedAt`.
 */
export const userActionTokens = pgTable(
  "user_action_tokens",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: userActionTokenKind("kind").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    newEmail: text("new_email"),
    expiresAt: timestamptz("expires_at").notNull(),
    usedAt: timestamptz("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("user_action_tokens_user_idx").on(t.userId, t.kind, t.createdAt)],
);
export type UserActionToken = InferSelectModel<typeof userActionTokens>;
