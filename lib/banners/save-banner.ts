import "server-only";
import { eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { banners, type Banner } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { bannerInputSchema, type BannerInput } from "./schemas";

/** Create a banner (no id) or edit one (id). Editing changes it for users who see it now too: they share the row. */
export async function saveBanner(db: Db, options: BannerInput & { id?: number }): Promise<Banner> {
  const input = bannerInputSchema.parse(options);
  const values = {
    name: input.name ?? input.title,
    title: input.title,
    text: input.text,
    linkUrl: input.linkUrl ?? null,
    linkText: input.linkUrl ? (input.linkText ?? null) : null,
    style: input.style,
    updatedAt: now(),
  };
  // In a transaction, where the audit log records a staff change (lib/db/connect.ts).
  const [banner] = await db.transaction((tx) =>
    options.id === undefined
      ? tx
          .insert(banners)
          .values({ ...values, createdAt: now() })
          .returning()
      : tx.update(banners).set(values).where(eq(banners.id, options.id)).returning(),
  );
  if (!banner) throw notFound("banner_not_found", "No such banner.");
  return banner;
}
