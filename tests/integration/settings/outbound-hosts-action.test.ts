import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { saveOutboundHostsAction } from "@/app/(admin)/admin/settings/outbound/actions";
import { getSetting, setSetting } from "@/lib/settings";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";

/* The admin form behind /admin/settings/outbound: who may save the allow-list, and what it stores. */

// The browser session as next-auth would decode it from the cookie; each test signs in the user it needs.
const browser = vi.hoisted(() => ({ session: null as unknown }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => browser.session,
}));
// Outside a request: no headers to read, no cache to revalidate.
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
let admin: { id: number };
let marketer: { id: number };

beforeAll(async () => {
  database = await openTestDatabase();
  admin = await createUser(database.db, { email: "admin@example.test", role: "admin" });
  marketer = await createUser(database.db, { email: "marketer@example.test", role: "marketer" });
});
afterAll(() => database.close());
beforeEach(async () => {
  browser.session = null;
  await setSetting(db(), "outbound.allowed_hosts", ["kept.internal"]);
});

const signIn = (userId: number) => {
  browser.session = { user: { id: userId, sessionVersion: 0 }, expires: "" };
};
const save = (text: string) => {
  const form = new FormData();
  form.set("allowed_hosts", text);
  return saveOutboundHostsAction(null, form);
};

describe("saveOutboundHostsAction", () => {
  it("stores the hosts one per line, lower-cased, without blanks or repeats", async () => {
    signIn(admin.id);
    const state = await save("CRM.internal\r\n\n  10.0.0.5:8080 \ncrm.internal\n[FD00::1]:8443\n");
    expect(state).toMatchObject({ ok: true, message: expect.stringMatching(/these 3 hosts/) });
    expect(await getSetting(db(), "outbound.allowed_hosts")).toEqual([
      "crm.internal",
      "10.0.0.5:8080",
      "[fd00::1]:8443",
    ]);
  });

  it("empties the list", async () => {
    signIn(admin.id);
    expect(await save("  \n")).toMatchObject({
      ok: true,
      message: expect.stringMatching(/only to public/),
    });
    expect(await getSetting(db(), "outbound.allowed_hosts")).toEqual([]);
  });

  it("refuses a line that is not a host, naming it, and keeps the list", async () => {
    signIn(admin.id);
    const state = await save("crm.internal\nhttp://evil.test/path");
    expect(state).toMatchObject({
      ok: false,
      error: "validation_error",
      fieldErrors: {
        allowed_hosts: [expect.stringContaining('"http://evil.test/path" is not a host name')],
      },
    });
    expect(await getSetting(db(), "outbound.allowed_hosts")).toEqual(["kept.internal"]);
  });

  it("refuses staff without the permission, and a signed-out caller", async () => {
    signIn(marketer.id);
    expect(await save("crm.internal")).toMatchObject({ ok: false, error: "forbidden" });
    browser.session = null;
    expect(await save("crm.internal")).toMatchObject({ ok: false, error: "unauthenticated" });
    expect(await getSetting(db(), "outbound.allowed_hosts")).toEqual(["kept.internal"]);
  });
});
