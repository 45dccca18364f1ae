import { z } from "zod";
import { defineOperation } from "@/lib/api/openapi-operations";

/** The `{id}` path segment: a user banner id from GET /users/me/banners. */
export const userBannerIdParamSchema = z.coerce.number().int().positive().max(2_147_483_647);

export const dismissMyBannerOperation = {
  ...defineOperation({
    operationId: "dismissMyBanner",
    summary: "Dismiss one of the signed-in user's banners",
    description: "Hides the banner for good. Dismissing it again is not an error; another user's banner is not found.",
    tags: ["Banners"],
    auth: { token: "user" },
    responses: { "204": { description: "Dismissed." } },
    errors: { 404: ["user_banner_not_found"] },
  }),
  requestParams: { path: z.object({ id: z.number().int().positive().meta({ description: "The user banner id." }) }) },
};
