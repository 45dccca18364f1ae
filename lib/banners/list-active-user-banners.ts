import "server-only";
import { and, desc, eq, gt, isNull, or } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { banners, userBanners, type BannerStyle } from "@/lib/db/schema";

export interface ActiveUserBanner {
  /** The user_banner id: what a dismissal names. */
  id: number;
  bannerId: number;
  title: string;
  text: string;
  linkUrl: string | null;
  linkText: string | null;
  style: BannerStyle;
  shownAt: Date;
  expiresAt: Date | null;
}

/** The banners a user sees now: not dismissed and not expired, newest first. */
export async function listActiveUserBanners(
  db: Db,
  options: { userId: number },
): Promise<ActiveUserBanner[]> {
  return db
    .select({
      id: userBanners.id,
      bannerId: banners.id,
      title: banners.title,
      text: banners.text,
      linkUrl: banners.linkUrl,
      linkText: banners.linkText,
      style: banners.style,
      shownAt: userBanners.shownAt,
      expiresAt: userBanners.expiresAt,
    })
    .from(userBanners)
    .innerJoin(banners, eq(banners.id, userBanners.bannerId))
    .where(
      and(
        eq(userBanners.userId, options.userId),
        isNull(userBanners.dismissedAt),
        or(isNull(userBanners.expiresAt), gt(userBanners.expiresAt, now())),
      ),
    )
    .orderBy(desc(userBanners.shownAt), desc(userBanners.id));
}
