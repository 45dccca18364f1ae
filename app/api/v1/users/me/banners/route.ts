import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { serializeUserBanner } from "@/lib/banners/banner-json";
import { listActiveUserBanners } from "@/lib/banners/list-active-user-banners";

export const GET = apiRoute({ auth: { token: "user" } }, async ({ db, principal }) => {
  const rows = await listActiveUserBanners(db, { userId: principal.user.id });
  return NextResponse.json({ banners: rows.map(serializeUserBanner) });
});
