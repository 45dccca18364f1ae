import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { banners } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";

/** Delete a banner; the users it was shown to lose it too (user_banners cascade). */
export async function deleteBanner(db: Db, options: { bannerId: number }): Promise<void> {
  const deleted = await db.delete(banners).where(eq(banners.id, options.bannerId)).returning({ id: banners.id });
  if (deleted.length === 0) throw notFound("banner_not_found", "No such banner.");
}
