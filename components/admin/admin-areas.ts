import type { Permission } from "@/lib/auth/permissions";

/** Every admin area from design.md "Surfaces". Areas with `arrivesWith` belong to a later module. UI-safe. */
export interface AdminArea {
  slug: string;
  href: string;
  label: string;
  group: "Overview" | "Customers" | "Catalog" | "Billing" | "Engagement" | "Growth" | "Settings";
  arrivesWith?: string;
  /** What the area's page needs (its guard checks the same); the navigation hides areas the role may not open. */
  permission: Permission;
  /** Shown only while the local Inngest executor is in use (development, tests). */
  devOnly?: boolean;
}

export const ADMIN_AREAS: readonly AdminArea[] = [
  {
    slug: "dashboard",
    href: "/admin",
    label: "Dashboard",
    group: "Overview",
    permission: "dashboard.read",
  },
  {
    slug: "users",
    href: "/admin/users",
    label: "Users",
    group: "Customers",
    permission: "customers.read",
  },
  {
    slug: "subscriptions",
    href: "/admin/subscriptions",
    label: "Subscriptions",
    group: "Customers",
    permission: "customers.read",
  },
  {
    slug: "subscription-types",
    href: "/admin/subscription-types",
    label: "Subscription types",
    group: "Catalog",
    permission: "catalog.read",
  },
  {
    slug: "content-access",
    href: "/admin/content-access",
    label: "Content access",
    group: "Catalog",
    permission: "catalog.read",
  },
  {
    slug: "payments",
    href: "/admin/payments",
    label: "Payments",
    group: "Billing",
    permission: "billing.read",
  },
  {
    slug: "recurrent-payments",
    href: "/admin/recurrent-payments",
    label: "Recurrent payments",
    group: "Billing",
    permission: "billing.read",
  },
  {
    slug: "segments",
    href: "/admin/segments",
    label: "Segments",
    group: "Engagement",
    permission: "automation.read",
  },
  {
    slug: "email-templates",
    href: "/admin/email-templates",
    label: "Email templates",
    group: "Engagement",
    permission: "automation.read",
  },
  {
    slug: "email-topics",
    href: "/admin/email-topics",
    label: "Email topics",
    group: "Engagement",
    permission: "automation.read",
  },
  {
    slug: "emails",
    href: "/admin/emails",
    label: "Sent mail",
    group: "Engagement",
    permission: "automation.read",
  },
  {
    slug: "banners",
    href: "/admin/banners",
    label: "Banners",
    group: "Engagement",
    permission: "automation.read",
  },
  {
    slug: "goals",
    href: "/admin/goals",
    label: "Goals",
    group: "Engagement",
    permission: "automation.read",
  },
  {
    slug: "scenarios",
    href: "/admin/scenarios",
    label: "Scenarios",
    group: "Engagement",
    permission: "automation.read",
  },
  {
    slug: "upgrades",
    href: "/admin/upgrades",
    label: "Upgrades",
    group: "Growth",
    permission: "catalog.read",
  },
  {
    slug: "family",
    href: "/admin/family",
    label: "Family",
    group: "Growth",
    permission: "catalog.read",
  },
  {
    slug: "referrals",
    href: "/admin/referrals",
    label: "Referrals",
    group: "Growth",
    permission: "customers.read",
  },
  {
    slug: "receipt-settings",
    href: "/admin/settings/receipts",
    label: "Receipts",
    group: "Settings",
    permission: "catalog.read",
  },
  {
    slug: "outbound-settings",
    href: "/admin/settings/outbound",
    label: "Outbound requests",
    group: "Settings",
    permission: "catalog.read",
  },
  {
    slug: "email-delivery-settings",
    href: "/admin/settings/email-delivery",
    label: "Email frequency",
    group: "Settings",
    permission: "automation.read",
  },
  {
    slug: "time-zone-settings",
    href: "/admin/settings/time-zone",
    label: "Time zone",
    group: "Settings",
    permission: "catalog.read",
  },
  {
    slug: "audit",
    href: "/admin/audit",
    label: "Audit log",
    group: "Settings",
    permission: "audit.read",
  },
  {
    slug: "api-tokens",
    href: "/admin/api-tokens",
    label: "API tokens",
    group: "Settings",
    permission: "staff.manage",
  },
  {
    slug: "dev-runs",
    href: "/admin/dev/runs",
    label: "Function runs (dev)",
    group: "Settings",
    devOnly: true,
    permission: "dev",
  },
];

export const ADMIN_AREA_GROUPS = [
  "Overview",
  "Customers",
  "Catalog",
  "Billing",
  "Engagement",
  "Growth",
  "Settings",
] as const;
