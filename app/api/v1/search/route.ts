import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { searchQuerySchema } from "@/lib/api/operations/admin-tools";
import { searchAdmin } from "@/lib/search/search-admin";
import { SEARCH_GROUPS, SEARCH_SCOPES } from "@/lib/search/search-groups";
import { serializeSearchResults } from "@/lib/search/search-json";

// Each group only for a token with its scope (users:read, subscriptions:read, automation:read).
export const GET = apiRoute(
  { auth: { token: "api", anyScope: SEARCH_SCOPES }, query: searchQuerySchema },
  async ({ db, principal, query }) => {
    const groups = SEARCH_GROUPS.filter((g) => principal.scopes.includes(g.scope)).map(
      (g) => g.group,
    );
    const results = await searchAdmin(db, { query: query.q, groups });
    return NextResponse.json(serializeSearchResults(results));
  },
);
