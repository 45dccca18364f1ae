import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { userBannerSchema } from "@/lib/banners/banner-json";

export const myBannersResponseSchema = z.object({ banners: z.array(userBannerSchema) }).meta({ id: "MyBanners" });

export const listMyBannersOperation = defineOperation({
  operationId: "listMyBanners",
  summary: "The signed-in user's active banners",
  description: "Banners shown to the user that are neither dismissed nor expired, newest first.",
  tags: ["Banners"],
  auth: { token: "user" },
  responses: { "200": { description: "The banners.", content: jsonContent(myBannersResponseSchema) } },
});
