/**
 * The tables the audit trigger watches (drizzle/0007_hardening.sql and later migrations that add it to a table;
 * tests/unit/audit checks the lists agree), each
 * with a label and the admin page that shows its row. UI-safe.
 */

/** A changed row's fields as the log holds them (and, for an update, its owner's id read from the row now). */
type RowValues = Record<string, unknown> | null;

interface AuditedTable {
  label: string;
  /** The admin page of the row itself, from its id (or key). */
  page?: (entityId: string) => string | null;
  /** Or the admin page of what the row belongs to: `path/<the row's field>` (load-owner-ids.ts reads it for updates). */
  ownerPage?: { path: string; field: string };
}

/** A setting's page, by its key's first part (`receipts.seller`). */
const SETTING_PAGES: Record<string, string> = {
  receipts: "/admin/settings/receipts",
  upgrades: "/admin/upgrades",
  outbound: "/admin/settings/outbound",
  email: "/admin/settings/email-delivery",
};

const byUser = (field = "user_id") => ({ path: "/admin/users", field });

export const AUDITED_TABLES = {
  users: { label: "User", page: (id) => `/admin/users/${id}` },
  api_tokens: { label: "API token", page: () => "/admin/api-tokens" },
  app_settings: {
    label: "Setting",
    page: (key) => SETTING_PAGES[key.split(".")[0] ?? ""] ?? null,
  },
  subscription_types: {
    label: "Subscription type",
    page: (id) => `/admin/subscription-types/${id}`,
  },
  // Its rows have no id of their own: the log names them by their subscription type.
  subscription_type_content_access: {
    label: "Subscription type's content",
    page: (id) => `/admin/subscription-types/${id}`,
  },
  content_access: { label: "Content access", page: (id) => `/admin/content-access/${id}` },
  subscriptions: { label: "Subscription", ownerPage: byUser() },
  payments: { label: "Payment", ownerPage: byUser() },
  payment_items: { label: "Payment item" },
  recurrent_payments: { label: "Recurrent payment", ownerPage: byUser() },
  upgrade_schemas: { label: "Upgrade schema", page: (id) => `/admin/upgrades/${id}` },
  upgrade_options: {
    label: "Upgrade option",
    ownerPage: { path: "/admin/upgrades", field: "upgrade_schema_id" },
  },
  subscription_type_upgrade_schemas: {
    label: "Upgrade schema link",
    ownerPage: { path: "/admin/upgrades", field: "upgrade_schema_id" },
  },
  family_subscription_types: { label: "Family type", page: (id) => `/admin/family/types/${id}` },
  family_requests: {
    label: "Family code",
    ownerPage: { path: "/admin/family/masters", field: "master_user_id" },
  },
  referral_programs: {
    label: "Referral program",
    page: (id) => `/admin/referrals/programs/${id}`,
  },
  referrals: { label: "Referral", ownerPage: byUser("referrer_user_id") },
  referral_rewards: { label: "Referral reward", ownerPage: byUser() },
  discount_codes: { label: "Discount code", ownerPage: byUser() },
  scenarios: { label: "Scenario", page: (id) => `/admin/scenarios/${id}` },
  scenario_versions: {
    label: "Scenario version",
    ownerPage: { path: "/admin/scenarios", field: "scenario_id" },
  },
  segments: { label: "Segment", page: (id) => `/admin/segments/${id}` },
  email_templates: { label: "Email template", page: (id) => `/admin/email-templates/${id}` },
  email_topics: { label: "Email topic", page: (id) => `/admin/email-topics/${id}` },
  // Keyed by (user, topic), no id of its own: the log names no entity, its values name the user.
  user_email_preferences: { label: "User's email topic", ownerPage: byUser() },
  banners: { label: "Banner", page: (id) => `/admin/banners/${id}` },
  user_banners: { label: "User's banner", ownerPage: byUser() },
  goals: { label: "Goal", page: (id) => `/admin/goals/${id}` },
  goal_completions: { label: "Goal completion", ownerPage: byUser() },
} satisfies Record<string, AuditedTable>;

/**
 * What the trigger records a row change as (`lower(TG_OP)`), and `event`: something done that changed no row (an
 * export read, a customer's account viewed), recorded by lib/audit/record-audit-event.ts.
 */
export const AUDIT_OPERATIONS = ["insert", "update", "delete", "event"] as const;
export type AuditOperation = (typeof AUDIT_OPERATIONS)[number];

export type AuditedTableName = keyof typeof AUDITED_TABLES;
export const AUDITED_TABLE_NAMES = Object.keys(AUDITED_TABLES) as [
  AuditedTableName,
  ...AuditedTableName[],
];

export function isAuditedTable(name: string): name is AuditedTableName {
  return Object.hasOwn(AUDITED_TABLES, name);
}

/** What a logged entity is called ("Subscription type"); an unknown table is shown as it is named. */
export function entityLabel(entityType: string): string {
  return isAuditedTable(entityType) ? AUDITED_TABLES[entityType].label : entityType;
}

/** The field of a table's rows that leads to its admin page through what they belong to, if any. */
export function ownerFieldOf(entityType: string): string | null {
  if (!isAuditedTable(entityType)) return null;
  const table: AuditedTable = AUDITED_TABLES[entityType];
  return table.ownerPage?.field ?? null;
}

/** The admin page of a logged entity, or null when it has none (or the log lacks the field that leads there). */
export function entityHref(
  entityType: string,
  entityId: string | null,
  values: RowValues,
): string | null {
  if (!isAuditedTable(entityType) || entityId === null) return null;
  const table: AuditedTable = AUDITED_TABLES[entityType];
  if (table.page) return table.page(entityId);
  if (!table.ownerPage) return null;
  const owner = values?.[table.ownerPage.field];
  return typeof owner === "number" && Number.isSafeInteger(owner)
    ? `${table.ownerPage.path}/${owner}`
    : null;
}
