import "server-only";
import { eq, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { banners, userBanners, users } from "@/lib/db/schema";
import { invalid, notFound } from "@/lib/errors";

export interface ShowBannerOptions {
  bannerId: number;
  userId: number;
  /** Who shows it, e.g. `scenario-run:<run>:<step>`: a retried step calls again with the same key. */
  sourceKey: string;
  /** Null: until dismissed. */
  expiresAt: Date | null;
}

/**
 * Show a banner to a user. Idempotent per source key (ON CONFLICT DO NOTHING), so a replayed scenario step does not
 * show it twice; `shown` is false when that key had already shown it. Unknown banner → `banner_not_found` (404).
 */
export async function showBanner(db: Db, options: ShowBannerOptions): Promise<{ shown: boolean }> {
  // Checked up front so a bad reference is a domain error, not a foreign-key violation from the insert.
  const [refs] = await db
    .select({
      banner: sql<boolean>`exists (${db.select({ id: banners.id }).from(banners).where(eq(banners.id, options.bannerId))})`,
      user: sql<boolean>`exists (${db.select({ id: users.id }).from(users).where(eq(users.id, options.userId))})`,
    })
    .from(sql`(select 1) as refs`);
  if (!refs?.banner) throw notFound("banner_not_found", `No banner with id ${options.bannerId}.`);
  if (!refs.user) throw invalid("user_not_found", `No user with id ${options.userId}.`);
  const inserted = await db
    .insert(userBanners)
    .values({
      bannerId: options.bannerId,
      userId: options.userId,
      sourceKey: options.sourceKey,
      shownAt: now(),
      expiresAt: options.expiresAt,
    })
    .onConflictDoNothing({ target: userBanners.sourceKey })
    .returning({ id: userBanners.id });
  return { shown: inserted.length > 0 };
}
