import type { ApiScope } from "@/lib/api-tokens/api-scopes";
import type { Permission } from "@/lib/auth/permissions";

/**
 * What the admin's search (the ⌘K palette, GET /api/v1/search) finds, group by group, and who may see each group: a
 * staff member whose role has the group's permission, an API token with the group's scope. UI-safe.
 */
export const SEARCH_GROUPS = [
  { group: "users", label: "Users", permission: "customers.read", scope: "users:read" },
  {
    group: "subscription_types",
    label: "Subscription types",
    permission: "catalog.read",
    scope: "subscriptions:read",
  },
  {
    group: "scenarios",
    label: "Scenarios",
    permission: "automation.read",
    scope: "automation:read",
  },
  {
    group: "email_templates",
    label: "Email templates",
    permission: "automation.read",
    scope: "automation:read",
  },
] as const satisfies readonly {
  group: string;
  label: string;
  permission: Permission;
  scope: ApiScope;
}[];

export type SearchGroup = (typeof SEARCH_GROUPS)[number]["group"];
export const SEARCH_GROUP_NAMES = SEARCH_GROUPS.map((g) => g.group) as [
  SearchGroup,
  ...SearchGroup[],
];

/** The scopes that open at least one group (GET /api/v1/search needs one of them). */
export const SEARCH_SCOPES = [...new Set(SEARCH_GROUPS.map((g) => g.scope))] as [
  ApiScope,
  ...ApiScope[],
];

/** The admin page of a hit. */
export function searchHitPath(group: SearchGroup, id: number): string {
  switch (group) {
    case "users":
      return `/admin/users/${id}`;
    case "subscription_types":
      return `/admin/subscription-types/${id}`;
    case "scenarios":
      return `/admin/scenarios/${id}`;
    case "email_templates":
      return `/admin/email-templates/${id}`;
  }
}

/** The longest query searched; longer text is refused (400) by the API and cut by the palette. */
export const SEARCH_QUERY_MAX = 100;
