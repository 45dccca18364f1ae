import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { dismissUserBanner } from "@/lib/banners/dismiss-user-banner";
import { notFound } from "@/lib/errors";
import { userBannerIdParamSchema } from "@/lib/api/operations/banners";

export const POST = apiRoute({ auth: { token: "user" } }, async ({ db, principal, params }) => {
  const parsed = userBannerIdParamSchema.safeParse(params.id);
  if (!parsed.success) throw notFound("user_banner_not_found", "You have no such banner.");
  // The owner goes into the query: another user's banner id is simply not found.
  await dismissUserBanner(db, { userBannerId: parsed.data, userId: principal.user.id });
  return new NextResponse(null, { status: 204 });
});
