import "server-only";
import { and, count, eq, gte } from "drizzle-orm";
import { MINUTE_MS, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { userActionTokens, type UserActionTokenKind } from "@/lib/db/schema";

const HOUR_MS = 60 * MINUTE_MS;

/** How many links of a kind a user was sent in the last hour (each issued token is one email). */
export async function countRecentActionTokens(
  db: Db,
  options: { userId: number; kind: UserActionTokenKind },
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(userActionTokens)
    .where(
      and(
        eq(userActionTokens.userId, options.userId),
        eq(userActionTokens.kind, options.kind),
        gte(userActionTokens.createdAt, new Date(now().getTime() - HOUR_MS)),
      ),
    );
  return row?.n ?? 0;
}
