import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { listBanners } from "@/lib/banners/list-banners";
import { deleteBanner } from "@/lib/banners/delete-banner";
import { dismissUserBanner } from "@/lib/banners/dismiss-user-banner";
import { listActiveUserBanners } from "@/lib/banners/list-active-user-banners";
import { saveBanner } from "@/lib/banners/save-banner";
import { showBanner } from "@/lib/banners/show-banner";
import { advanceClock, freezeClock, MINUTE_MS, resetClock } from "@/lib/clock";
import { userBanners } from "@/lib/db/schema";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";
import { uniqueEmail } from "../services/fixtures";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());
afterEach(() => resetClock());

const newUser = () => createUser(db(), { email: uniqueEmail("banner") });
const newBanner = (title = "Welcome") =>
  saveBanner(db(), { title, text: "Glad you are here.", style: "promo" });
let keyCounter = 0;
const sourceKey = () => `scenario-run:1:${++keyCounter}`;

describe("saveBanner", () => {
  it("creates and edits a banner; the name defaults to the title", async () => {
    const banner = await saveBanner(db(), {
      title: "Hello",
      linkUrl: "/account/upgrade",
      linkText: "Upgrade",
    });
    expect(banner).toMatchObject({
      name: "Hello",
      title: "Hello",
      text: "",
      style: "info",
      linkUrl: "/account/upgrade",
    });
    const edited = await saveBanner(db(), {
      id: banner.id,
      name: "Internal",
      title: "Hi",
      style: "warning",
    });
    expect(edited).toMatchObject({
      id: banner.id,
      name: "Internal",
      title: "Hi",
      style: "warning",
      linkUrl: null,
      linkText: null,
    });
  });

  it("refuses links that leave the site in disguise and link text without a link", async () => {
    for (const linkUrl of [
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "ftp://example.com",
      "account",
    ]) {
      await expect(saveBanner(db(), { title: "X", linkUrl }), linkUrl).rejects.toThrow(
        /http\(s\) URL/,
      );
    }
    await expect(saveBanner(db(), { title: "X", linkText: "Go" })).rejects.toThrow(
      /link text needs a link URL/,
    );
    await expect(saveBanner(db(), { title: "x".repeat(121) })).rejects.toThrow();
    expect(
      (await saveBanner(db(), { title: "X", linkUrl: "https://example.com/a?b=1" })).linkUrl,
    ).toBe("https://example.com/a?b=1");
  });

  it("editing an unknown banner is banner_not_found", async () => {
    await expect(saveBanner(db(), { id: 999_999, title: "X" })).rejects.toMatchObject({
      code: "banner_not_found",
      status: 404,
    });
  });
});

describe("showBanner", () => {
  it("shows a banner once per source key, however often the step is replayed", async () => {
    const [user, banner] = await Promise.all([newUser(), newBanner()]);
    const key = sourceKey();
    const calls = await Promise.all(
      Array.from({ length: 3 }, () =>
        showBanner(db(), { bannerId: banner.id, userId: user.id, sourceKey: key, expiresAt: null }),
      ),
    );
    expect(calls.filter((call) => call.shown)).toHaveLength(1);
    expect(
      await showBanner(db(), {
        bannerId: banner.id,
        userId: user.id,
        sourceKey: key,
        expiresAt: null,
      }),
    ).toEqual({ shown: false });
    const rows = await db().select().from(userBanners).where(eq(userBanners.userId, user.id));
    expect(rows).toHaveLength(1);
    // Another source (another run) shows it again.
    expect(
      await showBanner(db(), {
        bannerId: banner.id,
        userId: user.id,
        sourceKey: sourceKey(),
        expiresAt: null,
      }),
    ).toEqual({ shown: true });
  });

  it("refuses an unknown banner (404) and an unknown user (400) without a row", async () => {
    const [user, banner] = await Promise.all([newUser(), newBanner()]);
    await expect(
      showBanner(db(), {
        bannerId: 999_999,
        userId: user.id,
        sourceKey: sourceKey(),
        expiresAt: null,
      }),
    ).rejects.toMatchObject({ code: "banner_not_found", status: 404 });
    await expect(
      showBanner(db(), {
        bannerId: banner.id,
        userId: 999_999,
        sourceKey: sourceKey(),
        expiresAt: null,
      }),
    ).rejects.toMatchObject({ code: "user_not_found", status: 400 });
    expect(
      await db().select().from(userBanners).where(eq(userBanners.bannerId, banner.id)),
    ).toHaveLength(0);
  });
});

describe("listActiveUserBanners", () => {
  it("lists the user's banners newest first, leaving out expired, dismissed and other users' ones", async () => {
    const [user, other] = await Promise.all([newUser(), newUser()]);
    const [first, second, expiring] = await Promise.all([
      newBanner("First"),
      newBanner("Second"),
      newBanner("Expiring"),
    ]);
    freezeClock(new Date("2026-05-01T10:00:00Z"));
    await showBanner(db(), {
      bannerId: first.id,
      userId: user.id,
      sourceKey: sourceKey(),
      expiresAt: null,
    });
    advanceClock(MINUTE_MS);
    await showBanner(db(), {
      bannerId: expiring.id,
      userId: user.id,
      sourceKey: sourceKey(),
      expiresAt: new Date("2026-05-01T11:00:00Z"),
    });
    advanceClock(MINUTE_MS);
    await showBanner(db(), {
      bannerId: second.id,
      userId: user.id,
      sourceKey: sourceKey(),
      expiresAt: null,
    });
    await showBanner(db(), {
      bannerId: first.id,
      userId: other.id,
      sourceKey: sourceKey(),
      expiresAt: null,
    });

    const titles = async () =>
      (await listActiveUserBanners(db(), { userId: user.id })).map((b) => b.title);
    expect(await titles()).toEqual(["Second", "Expiring", "First"]);
    freezeClock(new Date("2026-05-01T11:00:00Z"));
    expect(await titles()).toEqual(["Second", "First"]);

    const [secondShown] = await listActiveUserBanners(db(), { userId: user.id });
    await dismissUserBanner(db(), { userBannerId: secondShown!.id, userId: user.id });
    expect(await titles()).toEqual(["First"]);
    expect((await listActiveUserBanners(db(), { userId: other.id })).map((b) => b.title)).toEqual([
      "First",
    ]);
  });
});

describe("dismissUserBanner", () => {
  it("dismisses only the owner's banner; another user's id is not found and changes nothing", async () => {
    const [owner, intruder, banner] = await Promise.all([newUser(), newUser(), newBanner()]);
    await showBanner(db(), {
      bannerId: banner.id,
      userId: owner.id,
      sourceKey: sourceKey(),
      expiresAt: null,
    });
    const [shown] = await listActiveUserBanners(db(), { userId: owner.id });
    await expect(
      dismissUserBanner(db(), { userBannerId: shown!.id, userId: intruder.id }),
    ).rejects.toMatchObject({
      code: "user_banner_not_found",
      status: 404,
    });
    expect(await listActiveUserBanners(db(), { userId: owner.id })).toHaveLength(1);

    freezeClock(new Date("2026-06-01T00:00:00Z"));
    await dismissUserBanner(db(), { userBannerId: shown!.id, userId: owner.id });
    advanceClock(MINUTE_MS);
    await dismissUserBanner(db(), { userBannerId: shown!.id, userId: owner.id });
    const [row] = await db().select().from(userBanners).where(eq(userBanners.id, shown!.id));
    expect(row?.dismissedAt).toEqual(new Date("2026-06-01T00:00:00Z"));
  });
});

describe("listBanners and deleteBanner", () => {
  it("counts shown and dismissed per banner, and deleting removes the banner and its showings", async () => {
    const [a, b, banner] = await Promise.all([newUser(), newUser(), newBanner("Counted")]);
    await showBanner(db(), {
      bannerId: banner.id,
      userId: a.id,
      sourceKey: sourceKey(),
      expiresAt: null,
    });
    await showBanner(db(), {
      bannerId: banner.id,
      userId: b.id,
      sourceKey: sourceKey(),
      expiresAt: null,
    });
    const [shownToA] = await listActiveUserBanners(db(), { userId: a.id });
    await dismissUserBanner(db(), { userBannerId: shownToA!.id, userId: a.id });
    expect(await listBanners(db(), { ids: [banner.id] })).toEqual([
      expect.objectContaining({ id: banner.id, shownCount: 2, dismissedCount: 1 }),
    ]);

    await deleteBanner(db(), { bannerId: banner.id });
    expect(await listBanners(db(), { ids: [banner.id] })).toEqual([]);
    expect(
      await db().select().from(userBanners).where(eq(userBanners.bannerId, banner.id)),
    ).toHaveLength(0);
    await expect(deleteBanner(db(), { bannerId: banner.id })).rejects.toMatchObject({
      code: "banner_not_found",
    });
  });
});
