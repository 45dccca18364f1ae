import "server-only";
import { desc, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { banners, userBanners, type Banner } from "@/lib/db/schema";

export type BannerListRow = Banner & { shownCount: number; dismissedCount: number };

/** Banners (all, or the given ids), newest first, with how many times each was shown and dismissed. */
export async function listBanners(
  db: Db,
  options: { ids?: number[] } = {},
): Promise<BannerListRow[]> {
  if (options.ids?.length === 0) return [];
  return db
    .select({
      ...getTableColumns(banners),
      shownCount: sql<number>`count(${userBanners.id})::int`,
      dismissedCount: sql<number>`count(${userBanners.dismissedAt})::int`,
    })
    .from(banners)
    .leftJoin(userBanners, eq(userBanners.bannerId, banners.id))
    .where(options.ids ? inArray(banners.id, options.ids) : undefined)
    .groupBy(banners.id)
    .orderBy(desc(banners.createdAt), desc(banners.id));
}
