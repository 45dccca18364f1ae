import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { deleteBanner } from "@/lib/banners/delete-banner";
import { loadBannerJson } from "@/lib/banners/load-banner-json";
import { saveBanner } from "@/lib/banners/save-banner";
import { notFound } from "@/lib/errors";
import { bannerBodySchema, bannerInputFromBody } from "@/lib/api/operations/banners";
import { pathIdParam } from "@/lib/api/path-id-param";

/** The `{id}` segment; a value that is not an id names no banner (404, like an unknown one). */
function bannerId(params: Record<string, string>): number {
  return pathIdParam(params, "id", () => notFound("banner_not_found", "No such banner."));
}

export const GET = apiRoute(
  { auth: { token: "api", scope: "banners" } },
  async ({ db, params }) => {
    return NextResponse.json({ banner: await loadBannerJson(db, bannerId(params)) });
  },
);

export const PUT = apiRoute(
  { auth: { token: "api", scope: "banners" }, body: bannerBodySchema },
  async ({ db, body, params }) => {
    const banner = await saveBanner(db, { ...bannerInputFromBody(body), id: bannerId(params) });
    return NextResponse.json({ banner: await loadBannerJson(db, banner.id) });
  },
);

export const DELETE = apiRoute(
  { auth: { token: "api", scope: "banners" } },
  async ({ db, params }) => {
    await deleteBanner(db, { bannerId: bannerId(params) });
    return new NextResponse(null, { status: 204 });
  },
);
