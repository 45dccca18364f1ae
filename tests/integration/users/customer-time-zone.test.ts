import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import requestConfig from "@/i18n/request";
import { users, type User } from "@/lib/db/schema";
import { setSetting } from "@/lib/settings";
import { openTestDatabase } from "../../support/test-database";
import { createUser, uniqueEmail } from "../services/fixtures";

/*
 * Issue 21: the translated zones (the customer's account, sign-in, pricing) show dates on the reader's clock: the
 * request's next-intl configuration carries the viewer's zone — their own (users.time_zone), else the
 * installation's — which every customer page formats its dates with (getTimeZone / useTimeZone).
 */

const browser = vi.hoisted(() => ({ session: null as unknown }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => browser.session,
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "accept-language": "sk-SK,sk;q=0.9" }),
  cookies: async () => ({ get: () => undefined }),
}));
// Outside Next's server runtime next-intl refuses getRequestConfig; the configuration function is what is tested.
vi.mock("next-intl/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-intl/server")>()),
  getRequestConfig: <T>(create: T) => create,
}));

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

const configuration = () =>
  requestConfig({ locale: undefined, requestLocale: Promise.resolve(undefined) });

describe("the translated zones' request configuration", () => {
  it("formats in the signed-in customer's own zone", async () => {
    const customer = await createUser(db(), { email: uniqueEmail("tz-customer") });
    await db()
      .update(users)
      .set({ timeZone: "Europe/Bratislava" })
      .where(eq(users.id, customer.id));
    signIn(customer);

    const config = await configuration();

    expect(config.timeZone).toBe("Europe/Bratislava");
    expect(config.locale).toBe("sk");
  });

  it("falls back to the installation's zone for a customer without one, and for a visitor", async () => {
    await setSetting(db(), "installation.time_zone", "America/New_York");
    const customer = await createUser(db(), { email: uniqueEmail("tz-none") });
    signIn(customer);
    expect((await configuration()).timeZone).toBe("America/New_York");

    browser.session = null;
    expect((await configuration()).timeZone).toBe("America/New_York");
  });
});
