import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { chooseLocaleAction } from "@/lib/actions/i18n/choose-locale";
import { startViewAsAction } from "@/lib/actions/view-as/start-view-as";
import { freezeClock } from "@/lib/clock";
import { users, type User } from "@/lib/db/schema";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { openTestDatabase } from "../../support/test-database";
import { runAction } from "../audit/audit-kit";
import { createUser } from "../services/fixtures";
import { cookieStoreOf, signInAs, type FakeBrowser } from "./admin-tools-kit";

/*
 * The language switch while staff view a customer's account: the view is read-only, so choosing a language there is
 * refused like every other change — the staff member's stored language and the browser's cookie stay as they were —
 * and says why in the staff member's language. Outside a view the switch keeps working for them.
 */

const browser = vi.hoisted((): FakeBrowser => ({
  session: null,
  headers: new Headers(),
  cookies: new Map(),
}));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => browser.session,
}));
vi.mock("next/headers", () => ({
  headers: async () => browser.headers,
  cookies: async () => cookieStoreOf(browser),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
let support: User;
let customer: User;

beforeAll(async () => {
  database = await openTestDatabase();
  freezeClock(new Date("2026-05-01T00:00:00Z"));
  support = await createUser(db(), { email: "support@example.com", role: "support" });
  await db().update(users).set({ locale: "sk" }).where(eq(users.id, support.id));
  customer = await createUser(db(), { email: "jane@example.com", password: "secret-password" });
});
beforeEach(() => {
  browser.cookies.clear();
  signInAs(browser, support);
});
afterAll(() => database.close());

const localeOf = async (user: User) =>
  (await db().select({ locale: users.locale }).from(users).where(eq(users.id, user.id)))[0]!.locale;

describe("chooseLocaleAction while viewing a customer's account", () => {
  it("is refused, in the staff member's language, and changes neither their setting nor the cookie", async () => {
    expect(await runAction(startViewAsAction, { userId: customer.id })).toEqual({ ok: true });

    const refused = await chooseLocaleAction("en");

    expect(refused).toMatchObject({ ok: false, error: "read_only_view" });
    expect(refused && !refused.ok ? refused.message : "").toMatch(/^Tento účet si prezeráte/);
    expect(await localeOf(support)).toBe("sk");
    expect(await localeOf(customer)).toBeNull();
    expect(browser.cookies.has(LOCALE_COOKIE)).toBe(false);
  });

  it("sets the staff member's language and the cookie when nobody is viewed", async () => {
    expect(await chooseLocaleAction("en")).toEqual({ ok: true });
    expect(await localeOf(support)).toBe("en");
    expect(browser.cookies.get(LOCALE_COOKIE)).toBe("en");
    await db().update(users).set({ locale: "sk" }).where(eq(users.id, support.id));
  });

  it("refuses a language it does not offer", async () => {
    expect(await chooseLocaleAction("de")).toMatchObject({ ok: false, error: "validation_error" });
    expect(browser.cookies.has(LOCALE_COOKIE)).toBe(false);
  });
});
