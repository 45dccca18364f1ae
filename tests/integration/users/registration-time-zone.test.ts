import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { registerAction } from "@/app/(auth)/register/actions";
import { POST as createUserRoute } from "@/app/api/v1/users/route";
import { users } from "@/lib/db/schema";
import { openTestDatabase } from "../../support/test-database";
import { call, createTokens, type Tokens } from "../api/api-test-kit";
import { freshAddress } from "../throttle/throttle-kit";
import { uniqueEmail } from "./account-kit";

/*
 * A new user's time zone (quiet hours of marketing email follow it): the register form sends the browser's zone in a
 * hidden field, POST /api/v1/users takes an optional `time_zone`; a zone the server does not know is not stored.
 */

const request = vi.hoisted(() => ({ address: "" }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": request.address }),
  cookies: async () => ({ get: () => undefined, delete: () => undefined }),
}));

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let tokens: Tokens;
const db = () => database.db;
beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(database.db, "users:write");
});
afterAll(() => database.close());

const zoneOf = async (email: string) =>
  (await db().select().from(users).where(eq(users.email, email)))[0]?.timeZone;

async function register(email: string, timeZone?: string) {
  request.address = freshAddress();
  const form = new FormData();
  form.set("name", "New Reader");
  form.set("email", email);
  form.set("password", "new-reader-password");
  if (timeZone !== undefined) form.set("time_zone", timeZone);
  return registerAction(null, form);
}

describe("registration takes the browser's time zone", () => {
  it("stores the zone the form sent", async () => {
    const email = uniqueEmail("tokyo");
    expect(await register(email, "Asia/Tokyo")).toEqual({ ok: true });
    expect(await zoneOf(email)).toBe("Asia/Tokyo");
  });

  it("stores none when the browser sent none, or one the server does not know (the installation's applies)", async () => {
    const none = uniqueEmail("none");
    const empty = uniqueEmail("empty");
    const unknown = uniqueEmail("unknown");
    expect(await register(none)).toEqual({ ok: true });
    expect(await register(empty, "")).toEqual({ ok: true });
    expect(await register(unknown, "Mars/Olympus_Mons")).toEqual({ ok: true });
    expect(await zoneOf(none)).toBeNull();
    expect(await zoneOf(empty)).toBeNull();
    expect(await zoneOf(unknown)).toBeNull();
  });
});

describe("POST /api/v1/users with time_zone", () => {
  it("stores the zone given, or none", async () => {
    const email = uniqueEmail("api-zone");
    const result = await call(createUserRoute, "POST", "/users", {
      token: tokens.api,
      body: { email, time_zone: "Europe/Bratislava" },
    });
    expect(result.status).toBe(201);
    expect(await zoneOf(email)).toBe("Europe/Bratislava");
    const plain = uniqueEmail("api-plain");
    expect(
      (await call(createUserRoute, "POST", "/users", { token: tokens.api, body: { email: plain } }))
        .status,
    ).toBe(201);
    expect(await zoneOf(plain)).toBeNull();
  });

  it("refuses a zone that does not exist (400) and creates no user", async () => {
    const email = uniqueEmail("api-bad");
    const result = await call(createUserRoute, "POST", "/users", {
      token: tokens.api,
      body: { email, time_zone: "Tokyo" },
    });
    expect(result.status).toBe(400);
    expect(result.json.error).toBe("validation_error");
    expect(await zoneOf(email)).toBeUndefined();
  });
});
