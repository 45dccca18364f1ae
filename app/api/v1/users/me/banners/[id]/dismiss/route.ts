import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { dismissUserBanner } from "@/lib/banners/dismiss-user-banner";
import { notFound } from "@/lib/errors";
import { pathIdParam } from "@/lib/api/path-id-param";

export const POST = apiRoute({ auth: { token: "user" } }, async ({ db, principal, params }) => {
  const userBannerId = pathIdParam(params, "id", () =>
    notFound("user_banner_not_found", "You have no such banner."),
  );
  // The owner goes into the query: another user's banner id is simply not found.
  await dismissUserBanner(db, { userBannerId, userId: principal.user.id });
  return new NextResponse(null, { status: 204 });
});
