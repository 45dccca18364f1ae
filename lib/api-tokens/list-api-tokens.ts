import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { apiTokens, users } from "@/lib/db/schema";

/** Every API token, newest first, with its creator's email and current role (null for a token made by the script). */
export async function listApiTokens(db: Db) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      tokenPrefix: apiTokens.tokenPrefix,
      scopes: apiTokens.scopes,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      creatorEmail: users.email,
      creatorRole: users.role,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdByUserId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}
