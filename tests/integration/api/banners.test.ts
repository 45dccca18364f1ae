import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DELETE as deleteRoute,
  GET as getRoute,
  PUT as putRoute,
} from "@/app/api/v1/banners/[id]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/banners/route";
import {
  bannerListSchema,
  bannerResponseSchema,
  myBannersResponseSchema,
} from "@/lib/api/operations/banners";
import { POST as dismissRoute } from "@/app/api/v1/users/me/banners/[id]/dismiss/route";
import { GET as myBannersRoute } from "@/app/api/v1/users/me/banners/route";
import { saveBanner } from "@/lib/banners/save-banner";
import { showBanner } from "@/lib/banners/show-banner";
import { banners, userBanners } from "@/lib/db/schema";
import { openTestDatabase } from "../../support/test-database";
import { call, createTokens, itRefusesBadRequests, type Tokens, withParams } from "./api-test-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let tokens: Tokens;
const db = () => database.db;
beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(database.db, "banners");
});
afterAll(() => database.close());

let keyCounter = 0;
const show = (bannerId: number, userId: number, expiresAt: Date | null = null) =>
  showBanner(db(), { bannerId, userId, sourceKey: `api-test:${++keyCounter}`, expiresAt });
const validBody = () => ({
  title: "Try print",
  text: "Print is back.",
  link_url: "/account/upgrade",
  link_text: "Upgrade",
  style: "promo",
});
const bannerCount = async () => (await db().select({ id: banners.id }).from(banners)).length;

describe("POST /api/v1/banners", () => {
  it("creates a banner (201) with defaults", async () => {
    const result = await call(createRoute, "POST", "/banners", {
      token: tokens.api,
      body: { title: "Hello" },
    });
    expect(result.status).toBe(201);
    expect(bannerResponseSchema.parse(result.json)).toEqual(result.json);
    expect(result.json.banner).toMatchObject({
      name: "Hello",
      title: "Hello",
      text: "",
      style: "info",
      link_url: null,
      shown_count: 0,
    });
  });

  it("refuses an off-site link in disguise and a link text without a link, creating nothing", async () => {
    const before = await bannerCount();
    for (const body of [
      { title: "X", link_url: "//evil.example" },
      { title: "X", link_text: "Go" },
      { title: "X", style: "loud" },
    ]) {
      const result = await call(createRoute, "POST", "/banners", { token: tokens.api, body });
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.json.error).toBe("validation_error");
    }
    expect(await bannerCount()).toBe(before);
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: createRoute,
    method: "POST",
    path: "/banners",
    auth: "api",
    validBody,
    invalidBodies: [
      { name: "a missing title", body: () => ({ text: "x" }), error: "validation_error" },
      {
        name: "a title over 120 characters",
        body: () => ({ title: "x".repeat(121) }),
        error: "validation_error",
      },
      {
        name: "an unknown field",
        body: () => ({ ...validBody(), color: "red" }),
        error: "validation_error",
      },
    ],
  });
});

describe("GET, PUT, DELETE /api/v1/banners/{id}", () => {
  it("reads, replaces and deletes a banner with its counts", async () => {
    const banner = await saveBanner(db(), { title: "Old", style: "info" });
    await show(banner.id, tokens.userId);
    const path = `/banners/${banner.id}`;
    const params = { id: String(banner.id) };

    const read = await call(withParams(getRoute, params), "GET", path, { token: tokens.api });
    expect(read.status).toBe(200);
    expect(read.json.banner).toMatchObject({
      id: banner.id,
      title: "Old",
      shown_count: 1,
      dismissed_count: 0,
    });

    const put = await call(withParams(putRoute, params), "PUT", path, {
      token: tokens.api,
      body: validBody(),
    });
    expect(put.status).toBe(200);
    expect(bannerResponseSchema.parse(put.json)).toEqual(put.json);
    expect(put.json.banner).toMatchObject({
      id: banner.id,
      title: "Try print",
      style: "promo",
      link_url: "/account/upgrade",
      shown_count: 1,
    });

    const list = await call(listRoute, "GET", "/banners", { token: tokens.api });
    expect(bannerListSchema.parse(list.json)).toEqual(list.json);
    expect(list.json.banners.map((b: { id: number }) => b.id)).toContain(banner.id);

    const deleted = await call(withParams(deleteRoute, params), "DELETE", path, {
      token: tokens.api,
    });
    expect(deleted.status).toBe(204);
    expect(await db().select().from(banners).where(eq(banners.id, banner.id))).toHaveLength(0);
    const again = await call(withParams(getRoute, params), "GET", path, { token: tokens.api });
    expect(again.status).toBe(404);
    expect(again.json.error).toBe("banner_not_found");
  });

  it("answers 404 for unknown and malformed ids", async () => {
    for (const id of ["999999", "abc", "-1"]) {
      const get = await call(withParams(getRoute, { id }), "GET", `/banners/${id}`, {
        token: tokens.api,
      });
      expect(get.status, id).toBe(404);
      const put = await call(withParams(putRoute, { id }), "PUT", `/banners/${id}`, {
        token: tokens.api,
        body: validBody(),
      });
      expect(put.json.error, id).toBe("banner_not_found");
      const del = await call(withParams(deleteRoute, { id }), "DELETE", `/banners/${id}`, {
        token: tokens.api,
      });
      expect(del.status, id).toBe(404);
    }
  });

  it("refuses a user token and a token without the banners scope, deleting nothing", async () => {
    const banner = await saveBanner(db(), { title: "Kept" });
    const handler = withParams(deleteRoute, { id: String(banner.id) });
    const asUser = await call(handler, "DELETE", `/banners/${banner.id}`, { token: tokens.user });
    expect([asUser.status, asUser.json.error]).toEqual([403, "api_token_required"]);
    const otherScope = await call(handler, "DELETE", `/banners/${banner.id}`, {
      token: tokens.otherScope,
    });
    expect([otherScope.status, otherScope.json.error]).toEqual([403, "insufficient_scope"]);
    const anonymous = await call(handler, "DELETE", `/banners/${banner.id}`);
    expect(anonymous.status).toBe(401);
    expect(await db().select().from(banners).where(eq(banners.id, banner.id))).toHaveLength(1);
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: (request) => putRoute(request, { params: Promise.resolve({ id: "1" }) }),
    method: "PUT",
    path: "/banners/1",
    auth: "api",
    validBody,
    invalidBodies: [
      { name: "a blank title", body: () => ({ title: "  " }), error: "validation_error" },
    ],
  });
});

describe("GET /api/v1/users/me/banners and POST /users/me/banners/{id}/dismiss", () => {
  it("lists the user's active banners and dismisses only their own", async () => {
    const other = await createTokens(db(), "banners");
    const banner = await saveBanner(db(), {
      title: "For you",
      linkUrl: "https://example.com",
      linkText: "Read",
    });
    await show(banner.id, tokens.userId);
    await show(banner.id, tokens.userId, new Date("2000-01-01T00:00:00Z"));
    await show(banner.id, other.userId);

    const mine = await call(myBannersRoute, "GET", "/users/me/banners", { token: tokens.user });
    expect(mine.status).toBe(200);
    expect(myBannersResponseSchema.parse(mine.json)).toEqual(mine.json);
    const forYou = mine.json.banners.filter(
      (b: { banner_id: number }) => b.banner_id === banner.id,
    );
    expect(forYou).toHaveLength(1);
    expect(forYou[0]).toMatchObject({
      title: "For you",
      link_url: "https://example.com",
      link_text: "Read",
      expires_at: null,
    });
    const userBannerId = String(forYou[0].id);

    const stranger = await call(
      withParams(dismissRoute, { id: userBannerId }),
      "POST",
      `/users/me/banners/${userBannerId}/dismiss`,
      {
        token: other.user,
      },
    );
    expect([stranger.status, stranger.json.error]).toEqual([404, "user_banner_not_found"]);
    const [untouched] = await db()
      .select()
      .from(userBanners)
      .where(eq(userBanners.id, Number(userBannerId)));
    expect(untouched?.dismissedAt).toBeNull();

    const dismissed = await call(
      withParams(dismissRoute, { id: userBannerId }),
      "POST",
      `/users/me/banners/${userBannerId}/dismiss`,
      {
        token: tokens.user,
      },
    );
    expect(dismissed.status).toBe(204);
    const after = await call(myBannersRoute, "GET", "/users/me/banners", { token: tokens.user });
    expect(
      after.json.banners.filter((b: { banner_id: number }) => b.banner_id === banner.id),
    ).toEqual([]);
  });

  it("needs a user token", async () => {
    const asApi = await call(myBannersRoute, "GET", "/users/me/banners", { token: tokens.api });
    expect([asApi.status, asApi.json.error]).toEqual([403, "user_token_required"]);
    const dismiss = await call(
      withParams(dismissRoute, { id: "1" }),
      "POST",
      "/users/me/banners/1/dismiss",
      { token: tokens.api },
    );
    expect([dismiss.status, dismiss.json.error]).toEqual([403, "user_token_required"]);
    const anonymous = await call(myBannersRoute, "GET", "/users/me/banners");
    expect([anonymous.status, anonymous.json.error]).toEqual([401, "unauthenticated"]);
  });
});
