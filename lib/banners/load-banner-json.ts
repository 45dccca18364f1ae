import "server-only";
import type { Db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { serializeBanner, type BannerJson } from "./banner-json";
import { listBanners } from "./list-banners";

/** Banners as the API returns them, with their counts. */
export async function loadBannersJson(db: Db): Promise<BannerJson[]> {
  return (await listBanners(db)).map(serializeBanner);
}

/** One banner as the API returns it; unknown id → `banner_not_found` (404). */
export async function loadBannerJson(db: Db, bannerId: number): Promise<BannerJson> {
  const [row] = await listBanners(db, { ids: [bannerId] });
  if (!row) throw notFound("banner_not_found", `No banner with id ${bannerId}.`);
  return serializeBanner(row);
}
