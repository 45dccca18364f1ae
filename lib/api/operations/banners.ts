import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/define-operation";
import { bannerSchema, userBannerSchema } from "@/lib/banners/banner-json";
import { BANNER_STYLES, bannerInputSchema, bannerLinkUrlSchema } from "@/lib/banners/schemas";

const fields = bannerInputSchema.shape;

/** The body of POST /banners and PUT /banners/{id}: the whole banner. */
export const bannerBodySchema = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: "Internal name; defaults to the title." }),
    title: fields.title,
    text: z.string().trim().max(1000).optional().meta({ description: "Defaults to empty." }),
    link_url: bannerLinkUrlSchema
      .nullable()
      .optional()
      .meta({ description: "An http(s) URL or a path on this site starting with /." }),
    link_text: z
      .string()
      .trim()
      .max(60)
      .nullable()
      .optional()
      .meta({ description: "Needs link_url." }),
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

export const bannerResponseSchema = z
  .object({ banner: bannerSchema })
  .meta({ id: "BannerResponse" });
export const bannerListSchema = z
  .object({ banners: z.array(bannerSchema) })
  .meta({ id: "BannerList" });

export const listBannersOperation = defineOperation({
  operationId: "listBanners",
  summary: "List banners with how often they were shown and dismissed",
  tags: ["Banners"],
  auth: { token: "api", scope: "banners" },
  responses: {
    "200": { description: "The banners, newest first.", content: jsonContent(bannerListSchema) },
  },
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

const path = z.object({ id: z.number().int().positive().meta({ description: "The banner id." }) });
const requestParams = { requestParams: { path } };

export const getBannerOperation = {
  ...defineOperation({
    operationId: "getBanner",
    summary: "A banner with its counts",
    tags: ["Banners"],
    auth: { token: "api", scope: "banners" },
    responses: {
      "200": { description: "The banner.", content: jsonContent(bannerResponseSchema) },
    },
    errors: { 404: ["banner_not_found"] },
  }),
  ...requestParams,
};

export const updateBannerOperation = {
  ...defineOperation({
    operationId: "updateBanner",
    summary: "Replace a banner",
    description: "Replace a banner's fields. Users who see it now see the new text.",
    tags: ["Banners"],
    auth: { token: "api", scope: "banners" },
    body: bannerBodySchema,
    responses: { "200": { description: "Saved.", content: jsonContent(bannerResponseSchema) } },
    errors: { 404: ["banner_not_found"] },
  }),
  ...requestParams,
};

export const deleteBannerOperation = {
  ...defineOperation({
    operationId: "deleteBanner",
    summary: "Delete a banner",
    description:
      "Delete a banner; it disappears for the users it was shown to. Refused while a scenario shows it.",
    tags: ["Banners"],
    auth: { token: "api", scope: "banners" },
    responses: { "204": { description: "Deleted." } },
    errors: { 404: ["banner_not_found"], 409: ["banner_in_use"] },
  }),
  ...requestParams,
};

export const myBannersResponseSchema = z
  .object({ banners: z.array(userBannerSchema) })
  .meta({ id: "MyBanners" });

export const listMyBannersOperation = defineOperation({
  operationId: "listMyBanners",
  summary: "The signed-in user's active banners",
  description: "Banners shown to the user that are neither dismissed nor expired, newest first.",
  tags: ["Banners"],
  auth: { token: "user" },
  responses: {
    "200": { description: "The banners.", content: jsonContent(myBannersResponseSchema) },
  },
});

export const dismissMyBannerOperation = {
  ...defineOperation({
    operationId: "dismissMyBanner",
    summary: "Dismiss one of the signed-in user's banners",
    description:
      "Hides the banner for good. Dismissing it again is not an error; another user's banner is not found.",
    tags: ["Banners"],
    auth: { token: "user" },
    responses: { "204": { description: "Dismissed." } },
    errors: { 404: ["user_banner_not_found"] },
  }),
  requestParams: {
    path: z.object({
      id: z.number().int().positive().meta({ description: "The user banner id." }),
    }),
  },
};
