import type { NextRequest } from "next/server";
import { z } from "zod";
import { toErrorResponse } from "@/lib/api/responses";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { searchAdmin } from "@/lib/search/search-admin";
import { SEARCH_GROUPS, SEARCH_QUERY_MAX } from "@/lib/search/search-groups";
import { serializeSearchResults } from "@/lib/search/search-json";

const querySchema = z.object({
  q: z
    .string()
    .max(SEARCH_QUERY_MAX * 4)
    .transform((text) => text.replaceAll("\u0000", "").trim().slice(0, SEARCH_QUERY_MAX))
    .catch(""),
});

/**
 * The ⌘K palette's search: any staff member, over the groups their role may read (a support member finds users and
 * subscription types, never what their role cannot open).
 */
export async function GET(request: NextRequest) {
  try {
    const staff = await requireStaff("dashboard.read");
    const { q } = querySchema.parse({ q: request.nextUrl.searchParams.get("q") ?? "" });
    const groups = SEARCH_GROUPS.filter((g) => can(staff.role, g.permission)).map((g) => g.group);
    const results = await searchAdmin(await getDb(), { query: q, groups });
    return Response.json(serializeSearchResults(results), {
      headers: { "cache-control": "no-store" },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
