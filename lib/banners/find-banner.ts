import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { banners, type Banner } from "@/lib/db/schema";

/** A banner by id, or null. */
export async function findBanner(db: Db, bannerId: number): Promise<Banner | null> {
  const [banner] = await db.select().from(banners).where(eq(banners.id, bannerId)).limit(1);
  return banner ?? null;
}
