import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { banners } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { refuseIfScenariosUse } from "@/lib/scenarios/find-scenarios-using";

/**
 * Delete a banner, unless a scenario shows it (`banner_in_use`, 409); the users it was shown to lose it too
 * (user_banners cascade).
 */
export async function deleteBanner(db: Db, options: { bannerId: number }): Promise<void> {
  await db.transaction(async (tx) => {
    const [banner] = await tx
      .select({ id: banners.id })
      .from(banners)
      .where(eq(banners.id, options.bannerId))
      .for("update");
    if (!banner) throw notFound("banner_not_found", "No such banner.");
    await refuseIfScenariosUse(tx, { kind: "banner", id: banner.id }, `Banner #${banner.id}`);
    await tx.delete(banners).where(eq(banners.id, options.bannerId));
  });
}
