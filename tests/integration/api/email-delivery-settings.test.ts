import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/settings/email-delivery/route";
import { emailDeliveryResponseSchema } from "@/lib/api/operations/settings";
import { auditLog } from "@/lib/db/schema";
import { DEFAULT_EMAIL_DELIVERY_SETTINGS } from "@/lib/email/consent/delivery-settings";
import { getSetting, setSetting } from "@/lib/settings";
import { openTestDatabase } from "../../support/test-database";
import { call, createTokens, itRefusesBadRequests, type Tokens } from "./api-test-kit";

/* GET/PATCH /api/v1/settings/email-delivery (API token, scope email:delivery): the frequency cap and quiet hours. */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let tokens: Tokens;
const db = () => database.db;
beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(database.db, "email:delivery");
});
afterAll(() => database.close());
beforeEach(async () => {
  await setSetting(db(), "email.delivery", DEFAULT_EMAIL_DELIVERY_SETTINGS);
});

const patch = (body: unknown) =>
  call(patchRoute, "PATCH", "/settings/email-delivery", { token: tokens.api, body });

describe("GET /api/v1/settings/email-delivery", () => {
  it("answers no cap and no quiet hours by default", async () => {
    const result = await call(getRoute, "GET", "/settings/email-delivery", { token: tokens.api });
    expect(result.status).toBe(200);
    expect(emailDeliveryResponseSchema.parse(result.json)).toEqual(result.json);
    expect(result.json).toEqual({
      email_delivery: { frequency_cap: { per_day: null, per_week: null }, quiet_hours: null },
    });
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: getRoute,
    method: "GET",
    path: "/settings/email-delivery",
    auth: "api",
  });
});

describe("PATCH /api/v1/settings/email-delivery", () => {
  it("sets caps and quiet hours, audited as a change of the setting", async () => {
    const result = await patch({
      frequency_cap: { per_day: 2, per_week: 5 },
      quiet_hours: { start: "21:00", end: "08:00" },
    });
    expect(result.status).toBe(200);
    const expected = {
      frequency_cap: { per_day: 2, per_week: 5 },
      quiet_hours: { start: "21:00", end: "08:00" },
    };
    expect(result.json).toEqual({ email_delivery: expected });
    expect(await getSetting(db(), "email.delivery")).toEqual(expected);
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "app_settings"), eq(auditLog.entityId, "email.delivery")))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry).toMatchObject({ actorUserId: null, after: { value: expected } });
    expect(entry!.actorTokenId).not.toBeNull();
  });

  // Two connections: an embedded PGlite runs one transaction at a time. CI runs the suite on Postgres.
  it.skipIf(!process.env.DATABASE_URL)(
    "keeps both of two changes to different fields made at once",
    async () => {
      const results = await Promise.all([
        patch({ frequency_cap: { per_day: 2 } }),
        patch({ frequency_cap: { per_week: 9 } }),
        patch({ quiet_hours: { start: "22:00", end: "07:00" } }),
      ]);
      expect(results.map((result) => result.status)).toEqual([200, 200, 200]);
      expect(await getSetting(db(), "email.delivery")).toEqual({
        frequency_cap: { per_day: 2, per_week: 9 },
        quiet_hours: { start: "22:00", end: "07:00" },
      });
    },
  );

  it("changes only the fields named; null removes a cap or the quiet hours", async () => {
    await patch({
      frequency_cap: { per_day: 2, per_week: 5 },
      quiet_hours: { start: "21:00", end: "08:00" },
    });
    expect((await patch({ frequency_cap: { per_day: null } })).json).toEqual({
      email_delivery: {
        frequency_cap: { per_day: null, per_week: 5 },
        quiet_hours: { start: "21:00", end: "08:00" },
      },
    });
    expect((await patch({ quiet_hours: null })).json).toEqual({
      email_delivery: { frequency_cap: { per_day: null, per_week: 5 }, quiet_hours: null },
    });
  });

  it.each([
    ["a cap of 0", { frequency_cap: { per_day: 0 } }],
    ["a cap as text", { frequency_cap: { per_week: "5" } }],
    ["a fractional cap", { frequency_cap: { per_day: 1.5 } }],
    ["a daily cap above the weekly one", { frequency_cap: { per_day: 6, per_week: 5 } }],
    ["an hour that does not exist", { quiet_hours: { start: "25:00", end: "08:00" } }],
    ["a time with seconds", { quiet_hours: { start: "21:00:00", end: "08:00" } }],
    ["quiet hours that end when they start", { quiet_hours: { start: "08:00", end: "08:00" } }],
    ["quiet hours without an end", { quiet_hours: { start: "21:00" } }],
    ["an unknown field", { quiet: true }],
  ])("refuses %s (400 validation_error) and keeps the settings", async (_name, body) => {
    await setSetting(db(), "email.delivery", {
      frequency_cap: { per_day: null, per_week: 5 },
      quiet_hours: null,
    });
    const result = await patch(body);
    expect(result.status).toBe(400);
    expect(result.json.error).toBe("validation_error");
    expect(typeof result.json.message).toBe("string");
    expect(await getSetting(db(), "email.delivery")).toEqual({
      frequency_cap: { per_day: null, per_week: 5 },
      quiet_hours: null,
    });
  });

  it("refuses a daily cap above the weekly cap already set (400)", async () => {
    await patch({ frequency_cap: { per_week: 3 } });
    const result = await patch({ frequency_cap: { per_day: 4 } });
    expect(result.status).toBe(400);
    expect(result.json.error).toBe("validation_error");
    expect((await getSetting(db(), "email.delivery")).frequency_cap).toEqual({
      per_day: null,
      per_week: 3,
    });
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: patchRoute,
    method: "PATCH",
    path: "/settings/email-delivery",
    auth: "api",
    validBody: () => ({ frequency_cap: { per_day: 3 } }),
    invalidBodies: [
      {
        name: "a negative cap",
        body: () => ({ frequency_cap: { per_day: -1 } }),
        error: "validation_error",
      },
    ],
  });
});
