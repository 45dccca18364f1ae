import { z } from "zod";
import { timestampSchema } from "@/lib/api/response-schemas";
import type { BannerListRow } from "./list-banners";
import type { ActiveUserBanner } from "./list-active-user-banners";
import { BANNER_STYLES } from "./schemas";

/** Banners in the v1 API's snake_case JSON: the response schemas (also in OpenAPI) and the row → JSON mapping. */

export const bannerSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    title: z.string(),
    text: z.string(),
    link_url: z.string().nullable(),
    link_text: z.string().nullable(),
    style: z.enum(BANNER_STYLES),
    shown_count: z.number().int().meta({ description: "Times it was shown to a user." }),
    dismissed_count: z.number().int().meta({ description: "Times a user dismissed it." }),
    created_at: timestampSchema,
    updated_at: timestampSchema,
  })
  .meta({ id: "Banner" });
export type BannerJson = z.output<typeof bannerSchema>;

export const userBannerSchema = z
  .object({
    id: z.number().int().meta({
      description: "This showing's id: dismiss it with POST /users/me/banners/{id}/dismiss.",
    }),
    banner_id: z.number().int(),
    title: z.string(),
    text: z.string(),
    link_url: z.string().nullable(),
    link_text: z.string().nullable(),
    style: z.enum(BANNER_STYLES),
    shown_at: timestampSchema,
    expires_at: timestampSchema.nullable(),
  })
  .meta({ id: "UserBanner" });
export type UserBannerJson = z.output<typeof userBannerSchema>;

export function serializeBanner(row: BannerListRow): BannerJson {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    text: row.text,
    link_url: row.linkUrl,
    link_text: row.linkText,
    style: row.style,
    shown_count: row.shownCount,
    dismissed_count: row.dismissedCount,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function serializeUserBanner(row: ActiveUserBanner): UserBannerJson {
  return {
    id: row.id,
    banner_id: row.bannerId,
    title: row.title,
    text: row.text,
    link_url: row.linkUrl,
    link_text: row.linkText,
    style: row.style,
    shown_at: row.shownAt.toISOString(),
    expires_at: row.expiresAt?.toISOString() ?? null,
  };
}
