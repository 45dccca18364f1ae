import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createUserRoute } from "@/app/api/v1/users/route";
import {
  loginResponseSchema,
  meResponseSchema,
  userResponseSchema,
} from "@/lib/api/operations/users";
import { POST as loginRoute } from "@/app/api/v1/users/login/route";
import { POST as logoutRoute } from "@/app/api/v1/users/logout/route";
import { GET as meRoute } from "@/app/api/v1/users/me/route";
import { addDays, freezeClock } from "@/lib/clock";
import { events, users, userTokens } from "@/lib/db/schema";
import { createContentAccess } from "@/lib/subscriptions/create-content-access";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { saveSubscriptionType } from "@/lib/subscriptions/save-subscription-type";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";
import {
  call,
  countRows,
  createTokens,
  expectRefusedWithoutChange,
  itRefusesBadRequests,
  type Tokens,
} from "./api-test-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let tokens: Tokens;
const db = () => database.db;

beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(database.db, "users:write");
  await createUser(database.db, {
    email: "jane@example.com",
    password: "jane-password",
    name: "Jane",
  });
});
afterAll(() => database.close());

let emailCounter = 0;
const freshEmail = () => `new-${++emailCounter}@example.com`;

describe("POST /api/v1/users/login", () => {
  it("returns the user and a working user token", async () => {
    const result = await call(loginRoute, "POST", "/users/login", {
      body: { email: " JANE@example.com ", password: "jane-password" },
    });
    expect(result.status).toBe(200);
    expect(loginResponseSchema.parse(result.json)).toEqual(result.json);
    expect(result.json.user).toMatchObject({
      email: "jane@example.com",
      name: "Jane",
      role: "customer",
    });
    expect(result.json.access.token).toMatch(/^sf_user_/);
    const me = await call(meRoute, "GET", "/users/me", { token: result.json.access.token });
    expect(me.status).toBe(200);
    expect(me.json.user.email).toBe("jane@example.com");
  });

  it("answers a wrong password and an unknown email alike: 401 invalid_credentials, no token issued", async () => {
    for (const body of [
      { email: "jane@example.com", password: "wrong-password" },
      { email: "nobody@example.com", password: "jane-password" },
    ]) {
      await expectRefusedWithoutChange(
        db(),
        () => call(loginRoute, "POST", "/users/login", { body }),
        {
          status: 401,
          error: "invalid_credentials",
        },
      );
    }
  });

  it("refuses an account created without a password", async () => {
    await createUser(db(), { email: "no-password@example.com" });
    await expectRefusedWithoutChange(
      db(),
      () =>
        call(loginRoute, "POST", "/users/login", {
          body: { email: "no-password@example.com", password: "anything" },
        }),
      { status: 401, error: "invalid_credentials" },
    );
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: loginRoute,
    method: "POST",
    path: "/users/login",
    auth: "none",
    validBody: () => ({ email: "jane@example.com", password: "wrong-but-well-formed" }),
    invalidBodies: [
      {
        name: "a missing password",
        body: () => ({ email: "jane@example.com" }),
        error: "validation_error",
      },
      {
        name: "an invalid email",
        body: () => ({ email: "jane", password: "x" }),
        error: "validation_error",
      },
      {
        name: "an unknown field",
        body: () => ({ email: "jane@example.com", password: "x", admin: true }),
        error: "validation_error",
      },
    ],
  });
});

describe("POST /api/v1/users", () => {
  it("creates a customer (201) and records user.created with source api", async () => {
    const email = freshEmail();
    const result = await call(createUserRoute, "POST", "/users", {
      token: tokens.api,
      body: { email: email.toUpperCase(), password: "long-enough", name: "New Person" },
    });
    expect(result.status).toBe(201);
    expect(userResponseSchema.parse(result.json)).toEqual(result.json);
    expect(result.json.user).toMatchObject({ email, name: "New Person", role: "customer" });
    expect(result.json.user.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const [event] = await db()
      .select()
      .from(events)
      .where(and(eq(events.userId, result.json.user.id), eq(events.name, "user.created")));
    expect(event?.payload).toMatchObject({ source: "api", email });
    const login = await call(loginRoute, "POST", "/users/login", {
      body: { email, password: "long-enough" },
    });
    expect(login.status).toBe(200);
  });

  it("creates an account without a password", async () => {
    const result = await call(createUserRoute, "POST", "/users", {
      token: tokens.api,
      body: { email: freshEmail() },
    });
    expect(result.status).toBe(201);
    expect(result.json.user.name).toBeNull();
  });

  it("refuses a duplicate email, whatever its case (409 user_exists)", async () => {
    await expectRefusedWithoutChange(
      db(),
      () =>
        call(createUserRoute, "POST", "/users", {
          token: tokens.api,
          body: { email: "Jane@Example.com" },
        }),
      { status: 409, error: "user_exists" },
    );
  });

  it("lets exactly one of 10 concurrent creations of one email win; the rest are 409", async () => {
    const email = freshEmail();
    const before = await countRows(db());
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        call(createUserRoute, "POST", "/users", {
          token: tokens.api,
          body: { email, password: "long-enough" },
        }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of results.filter((r) => r.status === 409))
      expect(r.json.error).toBe("user_exists");
    const after = await countRows(db());
    expect(after.users).toBe(before.users! + 1);
    expect(after.events).toBe(before.events! + 1);
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: createUserRoute,
    method: "POST",
    path: "/users",
    auth: "api",
    validBody: () => ({ email: freshEmail() }),
    invalidBodies: [
      { name: "a missing email", body: () => ({ name: "No Email" }), error: "validation_error" },
      {
        name: "an invalid email",
        body: () => ({ email: "not-an-email" }),
        error: "validation_error",
      },
      {
        name: "a short password",
        body: () => ({ email: freshEmail(), password: "short" }),
        error: "validation_error",
      },
      {
        name: "a number for a name",
        body: () => ({ email: freshEmail(), name: 42 }),
        error: "validation_error",
      },
      {
        name: "a NUL character in the name",
        body: () => ({ email: freshEmail(), name: "Ja\u0000ne" }),
        error: "invalid_body",
      },
      {
        name: "a role (only customers are created)",
        body: () => ({ email: freshEmail(), role: "admin" }),
        error: "validation_error",
      },
    ],
  });
});

describe("GET /api/v1/users/me", () => {
  it("returns the user with running and upcoming subscriptions and current content access", async () => {
    const start = new Date("2026-03-01T00:00:00Z");
    freezeClock(start);
    await createContentAccess(db(), { code: "web", name: "Web" });
    await createContentAccess(db(), { code: "print", name: "Print" });
    const web = await saveSubscriptionType(db(), {
      code: "web_month",
      name: "Web monthly",
      lengthDays: 31,
      priceCents: 499,
      contentAccessCodes: ["web"],
    });
    const owner = await createUser(db(), {
      email: "me-owner@example.com",
      password: "me-password",
    });
    const other = await createUser(db(), { email: "me-other@example.com" });
    await createSubscription(db(), {
      userId: owner.id,
      subscriptionTypeId: web.id,
      startAt: addDays(start, -40),
    }); // ended
    const running = await createSubscription(db(), {
      userId: owner.id,
      subscriptionTypeId: web.id,
    });
    const upcoming = await createSubscription(db(), {
      userId: owner.id,
      subscriptionTypeId: web.id,
    });
    await createSubscription(db(), { userId: other.id, subscriptionTypeId: web.id });
    const login = await call(loginRoute, "POST", "/users/login", {
      body: { email: "me-owner@example.com", password: "me-password" },
    });

    const result = await call(meRoute, "GET", "/users/me", { token: login.json.access.token });
    expect(result.status).toBe(200);
    expect(meResponseSchema.parse(result.json)).toEqual(result.json);
    expect(result.json.user.id).toBe(owner.id);
    expect(result.json.content_access).toEqual(["web"]);
    expect(
      result.json.subscriptions.map((s: { id: number; actual: boolean }) => [s.id, s.actual]),
    ).toEqual([
      [running.id, true],
      [upcoming.id, false],
    ]);
    expect(result.json.subscriptions[1]).toMatchObject({
      start_at: addDays(start, 31).toISOString(),
      subscription_type_code: "web_month",
      content_access: ["web"],
    });
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: meRoute,
    method: "GET",
    path: "/users/me",
    auth: "user",
  });
});

describe("POST /api/v1/users/logout", () => {
  it("revokes the token of the request (204) and only that one", async () => {
    const first = await call(loginRoute, "POST", "/users/login", {
      body: { email: "jane@example.com", password: "jane-password" },
    });
    const second = await call(loginRoute, "POST", "/users/login", {
      body: { email: "jane@example.com", password: "jane-password" },
    });
    const result = await call(logoutRoute, "POST", "/users/logout", {
      token: first.json.access.token,
    });
    expect(result.status).toBe(204);
    expect(result.json).toBeNull();
    const refused = await call(meRoute, "GET", "/users/me", { token: first.json.access.token });
    expect(refused).toMatchObject({ status: 401, json: { error: "invalid_token" } });
    expect(
      (await call(meRoute, "GET", "/users/me", { token: second.json.access.token })).status,
    ).toBe(200);
    const [jane] = await db().select().from(users).where(eq(users.email, "jane@example.com"));
    const revoked = await db()
      .select()
      .from(userTokens)
      .where(and(eq(userTokens.userId, jane!.id), isNotNull(userTokens.revokedAt)));
    expect(revoked).toHaveLength(1);
  });

  it("answers a second logout with the revoked token as 401", async () => {
    const login = await call(loginRoute, "POST", "/users/login", {
      body: { email: "jane@example.com", password: "jane-password" },
    });
    await call(logoutRoute, "POST", "/users/logout", { token: login.json.access.token });
    const again = await call(logoutRoute, "POST", "/users/logout", {
      token: login.json.access.token,
    });
    expect(again).toMatchObject({ status: 401, json: { error: "invalid_token" } });
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: logoutRoute,
    method: "POST",
    path: "/users/logout",
    auth: "user",
  });
});
