import "server-only";
import { asc, ne } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { apiTokens, users } from "@/lib/db/schema";

/** How many of each the audit page's actor filter offers: staff and tokens are few; this bounds a mistake. */
const ACTORS_LIMIT = 500;

/** Who can appear in the audit log, for its actor filter: staff members by email, then API tokens by name. */
export async function listAuditActors(db: Db): Promise<{ value: string; label: string }[]> {
  const [staff, tokens] = await Promise.all([
    db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(ne(users.role, "customer"))
      .orderBy(asc(users.email))
      .limit(ACTORS_LIMIT),
    db
      .select({ id: apiTokens.id, name: apiTokens.name, revokedAt: apiTokens.revokedAt })
      .from(apiTokens)
      .orderBy(asc(apiTokens.name), asc(apiTokens.id))
      .limit(ACTORS_LIMIT),
  ]);
  return [
    ...staff.map((user) => ({ value: `user:${user.id}`, label: user.email })),
    ...tokens.map((token) => ({
      value: `token:${token.id}`,
      label: `token ${token.name}${token.revokedAt ? " (revoked)" : ""}`,
    })),
  ];
}
