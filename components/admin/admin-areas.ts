/** Every admin area from design.md "Surfaces". Areas with `arrivesWith` belong to a later module. UI-safe. */
export interface AdminArea {
  slug: string;
  href: string;
  label: string;
  group: "Overview" | "Customers" | "Catalog" | "Billing" | "Engagement" | "Growth" | "Settings";
  arrivesWith?: string;
  /** Shown only while the local Inngest executor is in use (development, tests). */
  devOnly?: boolean;
}

export const ADMIN_AREAS: readonly AdminArea[] = [
  { slug: "dashboard", href: "/admin", label: "Dashboard", group: "Overview" },
  { slug: "users", href: "/admin/users", label: "Users", group: "Customers" },
  {
    slug: "subscriptions",
    href: "/admin/subscriptions",
    label: "Subscriptions",
    group: "Customers",
  },
  {
    slug: "subscription-types",
    href: "/admin/subscription-types",
    label: "Subscription types",
    group: "Catalog",
  },
  {
    slug: "content-access",
    href: "/admin/content-access",
    label: "Content access",
    group: "Catalog",
  },
  { slug: "payments", href: "/admin/payments", label: "Payments", group: "Billing" },
  {
    slug: "recurrent-payments",
    href: "/admin/recurrent-payments",
    label: "Recurrent payments",
    group: "Billing",
  },
  { slug: "segments", href: "/admin/segments", label: "Segments", group: "Engagement" },
  {
    slug: "email-templates",
    href: "/admin/email-templates",
    label: "Email templates",
    group: "Engagement",
  },
  { slug: "emails", href: "/admin/emails", label: "Sent mail", group: "Engagement" },
  { slug: "banners", href: "/admin/banners", label: "Banners", group: "Engagement" },
  { slug: "goals", href: "/admin/goals", label: "Goals", group: "Engagement" },
  { slug: "scenarios", href: "/admin/scenarios", label: "Scenarios", group: "Engagement" },
  { slug: "upgrades", href: "/admin/upgrades", label: "Upgrades", group: "Growth" },
  { slug: "family", href: "/admin/family", label: "Family", group: "Growth" },
  { slug: "referrals", href: "/admin/referrals", label: "Referrals", group: "Growth" },
  {
    slug: "receipt-settings",
    href: "/admin/settings/receipts",
    label: "Receipts",
    group: "Settings",
  },
  { slug: "api-tokens", href: "/admin/api-tokens", label: "API tokens", group: "Settings" },
  {
    slug: "dev-runs",
    href: "/admin/dev/runs",
    label: "Function runs (dev)",
    group: "Settings",
    devOnly: true,
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
