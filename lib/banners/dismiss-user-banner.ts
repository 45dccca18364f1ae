import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { userBanners } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";

/**
 * Dismiss one of the user's banners. The owner is part of the query, so another user's id is simply not found.
 * Dismissing twice keeps the first time and is not an error (a double click, a retried request).
 */
export async function dismissUserBanner(
  db: Db,
  options: { userBannerId: number; userId: number },
): Promise<void> {
  const owned = and(
    eq(userBanners.id, options.userBannerId),
    eq(userBanners.userId, options.userId),
  );
  const [updated] = await db
    .update(userBanners)
    .set({ dismissedAt: now() })
    .where(and(owned, isNull(userBanners.dismissedAt)))
    .returning({ id: userBanners.id });
  if (updated) return;
  const [existing] = await db
    .select({ id: userBanners.id })
    .from(userBanners)
    .where(owned)
    .limit(1);
  if (!existing) throw notFound("user_banner_not_found", "You have no such banner.");
}
