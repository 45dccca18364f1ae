import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { generateToken, hashToken, tokenPrefix } from "@/lib/auth/tokens";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { apiTokens, users, type ApiToken } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { API_SCOPE_NAMES, roleAllowsScope, type ApiScope } from "./api-scopes";

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, { message: "Give the token a name." }).max(100),
  scopes: z.array(z.enum(API_SCOPE_NAMES)).min(1, { message: "Choose at least one scope." }),
  createdByUserId: z.number().int().positive().nullable().optional(),
});

/**
 * Create an API token. The plain token is returned once here and never stored: only its SHA-256 hash is. A token a
 * person creates (`createdByUserId`; who may create tokens at all is the caller's check, staff.manage) may not have
 * a scope beyond that person's role; a token without a creator (the tokens:create script) is not limited.
 */
export async function createApiToken(
  db: Db,
  options: z.input<typeof createApiTokenSchema>,
): Promise<{ token: string; record: ApiToken }> {
  const input = createApiTokenSchema.parse(options);
  const token = generateToken("api");
  // In a transaction, where the audit log records a staff change (lib/db/connect.ts).
  const [record] = await db.transaction(async (tx) => {
    if (input.createdByUserId)
      await refuseScopesBeyondRole(tx, input.createdByUserId, input.scopes);
    return tx
      .insert(apiTokens)
      .values({
        name: input.name,
        scopes: [...new Set(input.scopes)],
        tokenHash: hashToken(token),
        tokenPrefix: tokenPrefix(token),
        createdByUserId: input.createdByUserId ?? null,
        createdAt: now(),
      })
      .returning();
  });
  if (!record) throw new Error("insert returned no row");
  return { token, record };
}

/** Every scope within the creator's role, read in the transaction that inserts the token. */
async function refuseScopesBeyondRole(
  tx: Db,
  userId: number,
  scopes: readonly ApiScope[],
): Promise<void> {
  const [creator] = await tx
    .select({ role: users.role })
    .from(users)
    .where(eq(users.id, userId))
    .for("share");
  if (!creator) throw notFound("user_not_found", "No such user.");
  const beyond = scopes.filter((scope) => !roleAllowsScope(creator.role, scope));
  if (beyond.length > 0) {
    throw new AppError(
      "scope_beyond_role",
      `Your role, ${ROLE_LABELS[creator.role]}, does not allow ${beyond.join(", ")}: a token cannot do more than its creator.`,
      403,
    );
  }
}
