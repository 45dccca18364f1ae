import type { UserRole } from "@/lib/db/schema/users";
import { can, type Permission } from "@/lib/auth/permissions";

/**
 * Scopes an API token can be whitelisted for, each with the permissions (lib/auth/permissions.ts) a staff member needs
 * to grant it: a token acts with at most its creator's current role. UI-safe. Later modules add theirs here.
 */
export const API_SCOPES = [
  { scope: "users:read", label: "Read users", permissions: ["customers.read"] },
  { scope: "users:write", label: "Create users", permissions: ["customers.write"] },
  {
    scope: "subscriptions:read",
    label: "Read subscription types and subscriptions",
    permissions: ["customers.read", "catalog.read"],
  },
  {
    scope: "subscriptions:write",
    label: "Create subscription types and subscriptions",
    permissions: ["customers.write", "catalog.write"],
  },
  { scope: "payments:read", label: "Export payments", permissions: ["billing.read"] },
  { scope: "payments:write", label: "Create and pay payments", permissions: ["billing.write"] },
  { scope: "events:write", label: "Send custom events", permissions: ["automation.write"] },
  { scope: "segments", label: "Read and manage segments", permissions: ["automation.write"] },
  { scope: "banners", label: "Read and manage banners", permissions: ["automation.write"] },
  {
    scope: "email:topics",
    label: "Read and manage email topics",
    permissions: ["automation.write"],
  },
  {
    scope: "email:templates",
    label: "Read and manage email templates",
    permissions: ["automation.write"],
  },
  {
    scope: "goals",
    label: "Manage goals and complete them for users",
    permissions: ["automation.write"],
  },
  {
    scope: "scenarios",
    label: "Read, import and manage scenarios",
    permissions: ["automation.write"],
  },
  {
    scope: "upgrades",
    label: "Configure upgrade schemas and options",
    permissions: ["catalog.write"],
  },
  { scope: "family", label: "Configure family subscription types", permissions: ["catalog.write"] },
  {
    scope: "automation:read",
    label: "Find scenarios and email templates (search)",
    permissions: ["automation.read"],
  },
  { scope: "referrals:read", label: "Export referrals", permissions: ["customers.read"] },
  {
    scope: "referrals",
    label: "Configure referral programs and review referrals",
    permissions: ["automation.write", "customers.write"],
  },
  {
    scope: "email",
    label: "Report email delivery events, read users' email and manage suppressions",
    permissions: ["automation.write"],
  },
  {
    scope: "email:delivery",
    label: "Read and change the frequency cap and quiet hours of marketing email",
    permissions: ["automation.write"],
  },
  { scope: "audit:read", label: "Read the audit log", permissions: ["audit.read"] },
  {
    scope: "dev",
    label: "Advance the development clock (local executor only)",
    permissions: ["dev"],
  },
] as const satisfies readonly {
  scope: string;
  label: string;
  permissions: readonly Permission[];
}[];

export type ApiScope = (typeof API_SCOPES)[number]["scope"];
export const API_SCOPE_NAMES = API_SCOPES.map((s) => s.scope) as [ApiScope, ...ApiScope[]];

const PERMISSIONS_OF_SCOPE = new Map<string, readonly Permission[]>(
  API_SCOPES.map((s) => [s.scope, s.permissions]),
);

/** Whether a person of this role may grant the scope (and a token they made may still use it). */
export function roleAllowsScope(role: UserRole, scope: string): boolean {
  const permissions = PERMISSIONS_OF_SCOPE.get(scope);
  return permissions !== undefined && permissions.every((permission) => can(role, permission));
}
