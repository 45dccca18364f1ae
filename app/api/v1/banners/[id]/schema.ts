import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { bannerBodySchema, bannerResponseSchema } from "../schema";

/** The `{id}` path segment; anything but a positive integer names no banner. */
export const bannerIdParamSchema = z.coerce.number().int().positive().max(2_147_483_647);

const path = z.object({ id: z.number().int().positive().meta({ description: "The banner id." }) });
const requestParams = { requestParams: { path } };

export const getBannerOperation = {
  ...defineOperation({
    operationId: "getBanner",
    summary: "A banner with its counts",
    tags: ["Banners"],
    auth: { token: "api", scope: "banners" },
    responses: { "200": { description: "The banner.", content: jsonContent(bannerResponseSchema) } },
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
    description: "Delete a banner; it disappears for the users it was shown to. Refused while a scenario shows it.",
    tags: ["Banners"],
    auth: { token: "api", scope: "banners" },
    responses: { "204": { description: "Deleted." } },
    errors: { 404: ["banner_not_found"], 409: ["banner_in_use"] },
  }),
  ...requestParams,
};
