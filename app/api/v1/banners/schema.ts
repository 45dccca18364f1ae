import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { bannerSchema } from "@/lib/banners/banner-json";
import { BANNER_STYLES, bannerInputSchema, bannerLinkUrlSchema } from "@/lib/banners/banner-schemas";

const fields = bannerInputSchema.shape;

/** The body of POST /banners and PUT /banners/{id}: the whole banner. */
export const bannerBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional().meta({ description: "Internal name; defaults to the title." }),
    title: fields.title,
    text: z.string().trim().max(1000).optional().meta({ description: "Defaults to empty." }),
    link_url: bannerLinkUrlSchema
      .nullable()
      .optional()
      .meta({ description: "An http(s) URL or a path on this site starting with /." }),
    link_text: z.string().trim().max(60).nullable().optional().meta({ description: "Needs link_url." }),
    style: z.enum(BANNER_STYLES).optional().meta({ description: "Defaults to info." }),
  })
  .meta({ id: "BannerRequest" });
export type BannerBody = z.output<typeof bannerBodySchema>;

/** Body → service input (snake_case → camelCase). */
export function bannerInputFromBody(body: BannerBody) {
  return {
    name: body.name,
    title: body.title,
    text: body.text,
    linkUrl: body.link_url,
    linkText: body.link_text,
    style: body.style,
  };
}

export const bannerResponseSchema = z.object({ banner: bannerSchema }).meta({ id: "BannerResponse" });
export const bannerListSchema = z.object({ banners: z.array(bannerSchema) }).meta({ id: "BannerList" });

export const listBannersOperation = defineOperation({
  operationId: "listBanners",
  summary: "List banners with how often they were shown and dismissed",
  tags: ["Banners"],
  auth: { token: "api", scope: "banners" },
  responses: { "200": { description: "The banners, newest first.", content: jsonContent(bannerListSchema) } },
});

export const createBannerOperation = defineOperation({
  operationId: "createBanner",
  summary: "Create a banner",
  description: "Create a banner. Scenarios show it to users with their `banner` node.",
  tags: ["Banners"],
  auth: { token: "api", scope: "banners" },
  body: bannerBodySchema,
  responses: { "201": { description: "Created.", content: jsonContent(bannerResponseSchema) } },
});
