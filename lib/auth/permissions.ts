import type { UserRole } from "@/lib/db/schema/users";

/**
 * What each role may do (UI-safe and edge-safe: the proxy, the admin navigation and the server checks all read this
 * one table). Pages need an area's `.read`, mutations its `.write`; lib/auth/session.ts checks against the role in
 * the database on every request.
 *
 * | permission        | owner | admin | marketer | support | viewer | customer |
 * | ----------------- | :---: | :---: | :------: | :-----: | :----: | :------: |
 * | dashboard.read    |   ✓   |   ✓   |    ✓     |    ✓    |   ✓    |          |
 * | customers.read    |   ✓   |   ✓   |    ✓     |    ✓    |   ✓    |          |
 * | customers.write   |   ✓   |   ✓   |          |    ✓    |        |          |
 * | billing.read      |   ✓   |   ✓   |          |    ✓    |   ✓    |          |
 * | billing.write     |   ✓   |   ✓   |          |    ✓    |        |          |
 * | automation.read   |   ✓   |   ✓   |    ✓     |    ✓    |   ✓    |          |
 * | automation.write  |   ✓   |   ✓   |    ✓     |         |        |          |
 * | catalog.read      |   ✓   |   ✓   |    ✓     |    ✓    |   ✓    |          |
 * | catalog.write     |   ✓   |   ✓   |          |         |        |          |
 * | audit.read        |   ✓   |   ✓   |          |         |        |          |
 * | dev               |   ✓   |   ✓   |          |         |        |          |
 * | staff.manage      |   ✓   |       |          |         |        |          |
 */
export const PERMISSIONS = {
  "dashboard.read": "open the staff area and its dashboard",
  "customers.read": "see users, their subscriptions, family seats and referrals",
  "customers.write":
    "create customers, give and stop subscriptions, release family seats and review referrals",
  "billing.read": "see payments, recurrent payments and revenue",
  "billing.write": "create, mark paid and refund payments, and stop recurrent payments",
  "automation.read":
    "see scenarios, segments, email templates, sent mail, banners, goals and referral programs",
  "automation.write":
    "change scenarios, segments, email templates, banners, goals and referral programs, and send test emails and events",
  "catalog.read":
    "see subscription types, content access, upgrade schemas, family types and receipt settings",
  "catalog.write":
    "change subscription types, content access, upgrade schemas, family types and receipt settings",
  "audit.read": "read the audit log",
  dev: "use the development tools (function runs, the dev clock)",
  "staff.manage": "change staff roles, create staff accounts and manage API tokens",
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as [Permission, ...Permission[]];

/** Every role, most powerful first; the same list as the `user_role` enum (a unit test keeps them equal). */
export const USER_ROLES = [
  "owner",
  "admin",
  "marketer",
  "support",
  "viewer",
  "customer",
] as const satisfies readonly UserRole[];

export const STAFF_ROLES = USER_ROLES.filter(
  (role): role is Exclude<UserRole, "customer"> => role !== "customer",
);
export type StaffRole = (typeof STAFF_ROLES)[number];

const READ_EVERYTHING: readonly Permission[] = [
  "dashboard.read",
  "customers.read",
  "billing.read",
  "automation.read",
  "catalog.read",
];

const ROLE_PERMISSIONS: Record<UserRole, ReadonlySet<Permission>> = {
  owner: new Set(PERMISSION_NAMES),
  admin: new Set(PERMISSION_NAMES.filter((permission) => permission !== "staff.manage")),
  marketer: new Set<Permission>([
    "dashboard.read",
    "customers.read",
    "automation.read",
    "automation.write",
    "catalog.read",
  ]),
  support: new Set<Permission>([...READ_EVERYTHING, "customers.write", "billing.write"]),
  viewer: new Set<Permission>(READ_EVERYTHING),
  customer: new Set<Permission>(),
};

export function can(role: UserRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

/** Anyone who may enter /admin: every role but customer (a missing or unknown role is not staff). */
export function isStaff(role: UserRole | undefined): role is StaffRole {
  return (STAFF_ROLES as readonly (UserRole | undefined)[]).includes(role);
}

export const ROLE_LABELS: Record<UserRole, string> = {
  owner: "Owner",
  admin: "Admin",
  marketer: "Marketer",
  support: "Support",
  viewer: "Viewer",
  customer: "Customer",
};

/** One line per role for role pickers: what changes when a person gets it. */
export const ROLE_DESCRIPTIONS: Record<UserRole, string> = {
  owner: "Everything, including staff roles and API tokens.",
  admin: "Everything except staff roles and API tokens.",
  marketer:
    "Scenarios, segments, emails, banners, goals and referral programs; sees customers; no billing.",
  support: "Customers, subscriptions and payments (refunds); sees automation and the catalog.",
  viewer: "Sees customers, billing, automation and the catalog; changes nothing.",
  customer: "Their own account only; no access to /admin.",
};
