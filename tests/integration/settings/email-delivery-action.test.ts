import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { saveEmailDeliverySettingsAction } from "@/app/(admin)/admin/settings/email-delivery/actions";
import { DEFAULT_EMAIL_DELIVERY_SETTINGS } from "@/lib/email/consent/delivery-settings";
import { getSetting, setSetting } from "@/lib/settings";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";

/* The admin form behind /admin/settings/email-delivery: who may save the cap and quiet hours, and what it stores. */

const browser = vi.hoisted(() => ({ session: null as unknown }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => browser.session,
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
let marketer: { id: number };
let support: { id: number };

beforeAll(async () => {
  database = await openTestDatabase();
  marketer = await createUser(database.db, { email: "marketer@example.test", role: "marketer" });
  support = await createUser(database.db, { email: "support@example.test", role: "support" });
});
afterAll(() => database.close());
beforeEach(async () => {
  browser.session = null;
  await setSetting(db(), "email.delivery", DEFAULT_EMAIL_DELIVERY_SETTINGS);
});

const signIn = (userId: number) => {
  browser.session = { user: { id: userId, sessionVersion: 0 }, expires: "" };
};
const save = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return saveEmailDeliverySettingsAction(null, form);
};

describe("saveEmailDeliverySettingsAction", () => {
  it("stores caps (empty: none) and quiet hours", async () => {
    signIn(marketer.id);
    const state = await save({
      per_day: "2",
      per_week: "",
      quiet_hours: "on",
      quiet_start: "21:00",
      quiet_end: "08:00",
    });
    expect(state).toMatchObject({
      ok: true,
      message: "Saved: 2 a day at most, quiet hours 21:00–08:00.",
    });
    expect(await getSetting(db(), "email.delivery")).toEqual({
      frequency_cap: { per_day: 2, per_week: null },
      quiet_hours: { start: "21:00", end: "08:00" },
    });
  });

  it("turns the quiet hours off when the box is not ticked", async () => {
    signIn(marketer.id);
    await setSetting(db(), "email.delivery", {
      frequency_cap: { per_day: null, per_week: 5 },
      quiet_hours: { start: "21:00", end: "08:00" },
    });
    expect(await save({ per_day: "", per_week: "5" })).toMatchObject({ ok: true });
    expect(await getSetting(db(), "email.delivery")).toEqual({
      frequency_cap: { per_day: null, per_week: 5 },
      quiet_hours: null,
    });
  });

  it.each([
    ["per_day", { per_day: "0", per_week: "" }],
    ["per_day", { per_day: "two", per_week: "" }],
    ["per_week", { per_day: "", per_week: "201" }],
    ["per_day", { per_day: "6", per_week: "5" }],
    [
      "quiet_start",
      { per_day: "", per_week: "", quiet_hours: "on", quiet_start: "", quiet_end: "08:00" },
    ],
    [
      "quiet_end",
      { per_day: "", per_week: "", quiet_hours: "on", quiet_start: "08:00", quiet_end: "08:00" },
    ],
  ])(
    "names the field (%s) that does not validate, and keeps the settings",
    async (field, fields) => {
      signIn(marketer.id);
      const state = await save(fields);
      expect(state).toMatchObject({ ok: false, error: "validation_error" });
      expect(state && !state.ok ? state.fieldErrors?.[field] : undefined).toBeDefined();
      expect(await getSetting(db(), "email.delivery")).toEqual(DEFAULT_EMAIL_DELIVERY_SETTINGS);
    },
  );

  it("is refused to staff without automation.write, and to no one signed in", async () => {
    signIn(support.id);
    expect(await save({ per_day: "1", per_week: "" })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    browser.session = null;
    expect(await save({ per_day: "1", per_week: "" })).toMatchObject({ ok: false });
    expect(await getSetting(db(), "email.delivery")).toEqual(DEFAULT_EMAIL_DELIVERY_SETTINGS);
  });
});
