import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { loadBannerJson, loadBannersJson } from "@/lib/banners/load-banner-json";
import { saveBanner } from "@/lib/banners/save-banner";
import { bannerBodySchema, bannerInputFromBody } from "@/lib/api/operations/banners";

export const GET = apiRoute({ auth: { token: "api", scope: "banners" } }, async ({ db }) => {
  return NextResponse.json({ banners: await loadBannersJson(db) });
});

export const POST = apiRoute(
  { auth: { token: "api", scope: "banners" }, body: bannerBodySchema },
  async ({ db, body }) => {
    const banner = await saveBanner(db, bannerInputFromBody(body));
    return NextResponse.json({ banner: await loadBannerJson(db, banner.id) }, { status: 201 });
  },
);
