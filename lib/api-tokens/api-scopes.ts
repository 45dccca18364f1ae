/** Scopes an API token can be whitelisted for. UI-safe. Later modules add theirs here. */
export const API_SCOPES = [
  { scope: "users:read", label: "Read users" },
  { scope: "users:write", label: "Create users" },
  { scope: "subscriptions:read", label: "Read subscription types and subscriptions" },
  { scope: "subscriptions:write", label: "Create subscription types and subscriptions" },
  { scope: "payments:write", label: "Create and pay payments" },
  { scope: "events:write", label: "Send custom events" },
  { scope: "segments", label: "Read and manage segments" },
  { scope: "banners", label: "Read and manage banners" },
  { scope: "goals", label: "Manage goals and complete them for users" },
  { scope: "scenarios", label: "Read, import and manage scenarios" },
  { scope: "upgrades", label: "Configure upgrade schemas and options" },
  { scope: "family", label: "Configure family subscription types" },
  { scope: "referrals", label: "Configure referral programs" },
  { scope: "dev", label: "Advance the development clock (local executor only)" },
] as const;

export type ApiScope = (typeof API_SCOPES)[number]["scope"];
export const API_SCOPE_NAMES = API_SCOPES.map((s) => s.scope) as [ApiScope, ...ApiScope[]];
