import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { saveInstallationTimeZoneAction } from "@/app/(admin)/admin/settings/time-zone/actions";
import { GET as meRoute, PATCH as updateMeRoute } from "@/app/api/v1/users/me/route";
import type { ActionState } from "@/lib/actions/action-state";
import { updateTimeZoneAction } from "@/lib/actions/account/update-time-zone";
import { meResponseSchema } from "@/lib/api/operations/users";
import { appSettings, users, type User } from "@/lib/db/schema";
import { getSetting, setSetting } from "@/lib/settings";
import { getViewerTimeZone, resolveTimeZone } from "@/lib/time/viewer-time-zone";
import { issueUserToken } from "@/lib/users/issue-user-token";
import { call } from "../api/api-test-kit";
import { openTestDatabase } from "../../support/test-database";
import { createUser, uniqueEmail } from "../services/fixtures";

/*
 * Issue 21: the admin shows times in the viewer's zone — their own (users.time_zone, set on the profile or through
 * PATCH /users/me, for themselves only), else the installation's (installation.time_zone, default UTC, changed by
 * staff with catalog.write).
 */

const browser = vi.hoisted(() => ({ session: null as unknown }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => browser.session,
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;

beforeAll(async () => {
  database = await openTestDatabase();
});
beforeEach(() => {
  browser.session = null;
});
afterAll(() => database.close());

function signIn(user: User) {
  browser.session = {
    user: { id: user.id, role: user.role, sessionVersion: user.sessionVersion },
    expires: "",
  };
}

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

const zoneOf = async (userId: number) =>
  (await db().select().from(users).where(eq(users.id, userId)))[0]!.timeZone;

describe("installation.time_zone", () => {
  it("is UTC until set; only a known zone is stored, and a stored unknown one reads as UTC", async () => {
    expect(await getSetting(db(), "installation.time_zone")).toBe("UTC");
    await expect(setSetting(db(), "installation.time_zone", "Mars/Base")).rejects.toThrow();
    await db()
      .insert(appSettings)
      .values({ key: "installation.time_zone", value: "Mars/Base" })
      .onConflictDoUpdate({ target: appSettings.key, set: { value: "Mars/Base" } });
    expect(await getSetting(db(), "installation.time_zone")).toBe("UTC");
  });

  it("is changed by staff who may change the catalog, and refused to a viewer", async () => {
    const viewer = await createUser(db(), { email: uniqueEmail("tz-viewer"), role: "viewer" });
    signIn(viewer);
    const refused = await saveInstallationTimeZoneAction(null, form({ time_zone: "Asia/Tokyo" }));
    expect(refused).toMatchObject({ ok: false, error: "forbidden" });

    const admin = await createUser(db(), { email: uniqueEmail("tz-admin"), role: "admin" });
    signIn(admin);
    const invalid = await saveInstallationTimeZoneAction(null, form({ time_zone: "Tokyo" }));
    expect(invalid).toMatchObject({ ok: false, error: "validation_error" });
    expect((invalid as Extract<ActionState, { ok: false }>).fieldErrors?.time_zone).toBeTruthy();
    expect(await getSetting(db(), "installation.time_zone")).toBe("UTC");

    expect(
      await saveInstallationTimeZoneAction(null, form({ time_zone: "Europe/Bratislava" })),
    ).toMatchObject({ ok: true });
    expect(await getSetting(db(), "installation.time_zone")).toBe("Europe/Bratislava");
  });
});

describe("a user's own time zone", () => {
  it("is set and cleared by the user on their profile, for their own row only", async () => {
    const pat = await createUser(db(), { email: uniqueEmail("tz-pat") });
    const other = await createUser(db(), { email: uniqueEmail("tz-other") });
    signIn(pat);
    // A user id in the form is not a field of the action: the session's user is changed.
    expect(
      await updateTimeZoneAction(
        null,
        form({ time_zone: "America/New_York", userId: String(other.id) }),
      ),
    ).toMatchObject({ ok: true });
    expect(await zoneOf(pat.id)).toBe("America/New_York");
    expect(await zoneOf(other.id)).toBeNull();

    expect(await updateTimeZoneAction(null, form({ time_zone: "Nowhere/City" }))).toMatchObject({
      ok: false,
      error: "validation_error",
    });
    expect(await zoneOf(pat.id)).toBe("America/New_York");

    expect(await updateTimeZoneAction(null, form({ time_zone: "" }))).toMatchObject({ ok: true });
    expect(await zoneOf(pat.id)).toBeNull();
  });

  it("needs a signed-in user", async () => {
    expect(await updateTimeZoneAction(null, form({ time_zone: "UTC" }))).toMatchObject({
      ok: false,
      error: "unauthenticated",
    });
  });

  it("is set, refused when unknown and cleared through PATCH /users/me; GET shows it", async () => {
    const user = await createUser(db(), { email: uniqueEmail("tz-api") });
    const { token } = await issueUserToken(db(), { userId: user.id });
    const patched = await call(updateMeRoute, "PATCH", "/users/me", {
      token,
      body: { time_zone: "Asia/Tokyo" },
    });
    expect(patched.status, JSON.stringify(patched.json)).toBe(200);
    expect(meResponseSchema.parse(patched.json)).toEqual(patched.json);
    expect(patched.json.user.time_zone).toBe("Asia/Tokyo");
    expect((await call(meRoute, "GET", "/users/me", { token })).json.user.time_zone).toBe(
      "Asia/Tokyo",
    );

    const refused = await call(updateMeRoute, "PATCH", "/users/me", {
      token,
      body: { time_zone: "CET+1" },
    });
    expect(refused).toMatchObject({ status: 400, json: { error: "validation_error" } });
    expect(await zoneOf(user.id)).toBe("Asia/Tokyo");

    const cleared = await call(updateMeRoute, "PATCH", "/users/me", {
      token,
      body: { time_zone: null },
    });
    expect(cleared.json.user.time_zone).toBeNull();
    expect(await zoneOf(user.id)).toBeNull();
  });
});

describe("the viewer's zone", () => {
  it("is the user's own, else the installation's", async () => {
    expect(resolveTimeZone("Asia/Tokyo", "UTC")).toBe("Asia/Tokyo");
    expect(resolveTimeZone(null, "Europe/Bratislava")).toBe("Europe/Bratislava");
    expect(resolveTimeZone("Nowhere/City", "UTC")).toBe("UTC");

    await setSetting(db(), "installation.time_zone", "Europe/Bratislava");
    const staff = await createUser(db(), { email: uniqueEmail("tz-staff"), role: "support" });
    signIn(staff);
    expect(await getViewerTimeZone()).toBe("Europe/Bratislava");
    await db().update(users).set({ timeZone: "Asia/Tokyo" }).where(eq(users.id, staff.id));
    expect(await getViewerTimeZone()).toBe("Asia/Tokyo");
    browser.session = null;
    expect(await getViewerTimeZone()).toBe("Europe/Bratislava");
  });
});
