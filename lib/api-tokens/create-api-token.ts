import "server-only";
import { z } from "zod";
import { generateToken, hashToken, tokenPrefix } from "@/lib/auth/tokens";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { apiTokens, type ApiToken } from "@/lib/db/schema";
import { API_SCOPE_NAMES } from "./api-scopes";

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, { message: "Give the token a name." }).max(100),
  scopes: z.array(z.enum(API_SCOPE_NAMES)).min(1, { message: "Choose at least one scope." }),
  createdByUserId: z.number().int().positive().nullable().optional(),
});

/** Create an API token. The plain token is returned once here and never stored: only its SHA-256 hash is. */
export async function createApiToken(
  db: Db,
  options: z.input<typeof createApiTokenSchema>,
): Promise<{ token: string; record: ApiToken }> {
  const input = createApiTokenSchema.parse(options);
  const token = generateToken("api");
  const [record] = await db
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
  if (!record) throw new Error("insert returned no row");
  return { token, record };
}
