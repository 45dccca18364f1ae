import "server-only";
import { and, asc, eq, ilike, isNull, ne, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { emailTemplates, scenarios, subscriptionTypes, users } from "@/lib/db/schema";
import { searchHitPath, SEARCH_GROUPS, type SearchGroup } from "./search-groups";

export interface SearchHit {
  id: number;
  /** What the palette shows first: an email, a name. */
  title: string;
  /** A second line: a user's name and role, a code, a status. */
  detail: string | null;
  /** The hit's admin page. */
  path: string;
}

export interface SearchResultGroup {
  group: SearchGroup;
  label: string;
  hits: SearchHit[];
}

/** Hits per group: a palette shows a handful, and a person types more rather than scrolls. */
export const SEARCH_HITS_PER_GROUP = 6;

/** `%` and `_` (and the escape character) in a person's text match themselves in LIKE. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** An id typed as `42` or `#42`, within int4. */
function idOf(text: string): number | null {
  const match = /^#?(\d{1,10})$/.exec(text);
  const id = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647 ? id : null;
}

/**
 * Search the groups asked for (the caller passes only those the staff member's role or the token's scopes open).
 * Users by email prefix — `lower(email) LIKE 'text%'`, the expression users_email_lower_key indexes — by a name
 * starting with the text or with a word of it, and by id; the catalog and automation tables, which stay small, by
 * any part of their name or code. Groups without hits are left out.
 */
export async function searchAdmin(
  db: Db,
  options: { query: string; groups: readonly SearchGroup[] },
): Promise<SearchResultGroup[]> {
  const text = options.query.trim();
  if (!text) return [];
  const lower = text.toLowerCase();
  const prefix = `${escapeLike(lower)}%`;
  const anywhere = `%${escapeLike(text)}%`;
  const id = idOf(text);
  const byId = (column: AnyColumn): SQL | undefined => (id === null ? undefined : eq(column, id));

  const searches: Record<SearchGroup, () => Promise<SearchHit[]>> = {
    users: async () => {
      const rows = await db
        .select({ id: users.id, email: users.email, name: users.name, role: users.role })
        .from(users)
        .where(
          or(
            sql`lower(${users.email}) like ${prefix}`,
            ilike(users.name, `${escapeLike(text)}%`),
            ilike(users.name, `% ${escapeLike(text)}%`),
            byId(users.id),
          ),
        )
        // Email matches first (what a person typing an address means), then by address.
        .orderBy(sql`lower(${users.email}) like ${prefix} desc`, sql`lower(${users.email})`)
        .limit(SEARCH_HITS_PER_GROUP);
      return rows.map((row) => ({
        id: row.id,
        title: row.email,
        detail:
          [row.name, row.role === "customer" ? null : row.role].filter(Boolean).join(" · ") || null,
        path: searchHitPath("users", row.id),
      }));
    },
    subscription_types: async () => {
      const rows = await db
        .select({
          id: subscriptionTypes.id,
          code: subscriptionTypes.code,
          name: subscriptionTypes.name,
          active: subscriptionTypes.active,
        })
        .from(subscriptionTypes)
        .where(
          or(
            ilike(subscriptionTypes.name, anywhere),
            ilike(subscriptionTypes.code, anywhere),
            byId(subscriptionTypes.id),
          ),
        )
        .orderBy(asc(subscriptionTypes.name), asc(subscriptionTypes.id))
        .limit(SEARCH_HITS_PER_GROUP);
      return rows.map((row) => ({
        id: row.id,
        title: row.name,
        detail: row.active ? row.code : `${row.code} · inactive`,
        path: searchHitPath("subscription_types", row.id),
      }));
    },
    scenarios: async () => {
      const rows = await db
        .select({ id: scenarios.id, name: scenarios.name, status: scenarios.status })
        .from(scenarios)
        .where(
          and(
            isNull(scenarios.deletedAt),
            ne(scenarios.status, "deleted"),
            or(ilike(scenarios.name, anywhere), byId(scenarios.id)),
          ),
        )
        .orderBy(asc(scenarios.name), asc(scenarios.id))
        .limit(SEARCH_HITS_PER_GROUP);
      return rows.map((row) => ({
        id: row.id,
        title: row.name,
        detail: row.status,
        path: searchHitPath("scenarios", row.id),
      }));
    },
    email_templates: async () => {
      const rows = await db
        .select({ id: emailTemplates.id, code: emailTemplates.code, name: emailTemplates.name })
        .from(emailTemplates)
        .where(
          or(
            ilike(emailTemplates.name, anywhere),
            ilike(emailTemplates.code, anywhere),
            byId(emailTemplates.id),
          ),
        )
        .orderBy(asc(emailTemplates.name), asc(emailTemplates.id))
        .limit(SEARCH_HITS_PER_GROUP);
      return rows.map((row) => ({
        id: row.id,
        title: row.name,
        detail: row.code,
        path: searchHitPath("email_templates", row.id),
      }));
    },
  };

  const wanted = SEARCH_GROUPS.filter((g) => options.groups.includes(g.group));
  const results = await Promise.all(
    wanted.map(async (g) => ({ group: g.group, label: g.label, hits: await searches[g.group]() })),
  );
  return results.filter((result) => result.hits.length > 0);
}
