import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/v1/subscriptions/route";
import { subscriptionResponseSchema } from "@/lib/api/operations/subscriptions";
import { addDays, freezeClock } from "@/lib/clock";
import { events, subscriptions } from "@/lib/db/schema";
import { createContentAccess } from "@/lib/subscriptions/create-content-access";
import { saveSubscriptionType } from "@/lib/subscriptions/save-subscription-type";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";
import {
  call,
  createTokens,
  expectRefusedWithoutChange,
  itRefusesBadRequests,
  type Tokens,
} from "./api-test-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let tokens: Tokens;
let customerId: number;
const db = () => database.db;

beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(database.db, "subscriptions:write");
  await createContentAccess(database.db, { code: "web", name: "Web" });
  await saveSubscriptionType(database.db, {
    code: "web_month",
    name: "Web monthly",
    lengthDays: 31,
    priceCents: 499,
    contentAccessCodes: ["web"],
  });
  customerId = (await createUser(database.db, { email: "customer@example.com" })).id;
});
afterAll(() => database.close());

const validBody = () => ({ user_id: customerId, subscription_type_code: "web_month" });

describe("POST /api/v1/subscriptions", () => {
  it("gives a subscription starting now, then one queued after it (201)", async () => {
    const start = new Date("2026-05-01T10:00:00Z");
    freezeClock(start);
    const user = await createUser(db(), { email: "chain@example.com" });
    const first = await call(createRoute, "POST", "/subscriptions", {
      token: tokens.api,
      body: { user_id: user.id, subscription_type_code: "web_month", is_paid: true },
    });
    expect(first.status).toBe(201);
    expect(subscriptionResponseSchema.parse(first.json)).toEqual(first.json);
    expect(first.json.subscription).toMatchObject({
      user_id: user.id,
      subscription_type_code: "web_month",
      start_at: start.toISOString(),
      end_at: addDays(start, 31).toISOString(),
      kind: "regular",
      is_paid: true,
      payment_id: null,
    });
    const second = await call(createRoute, "POST", "/subscriptions", {
      token: tokens.api,
      body: { user_id: user.id, subscription_type_code: "web_month", kind: "gift" },
    });
    expect(second.json.subscription).toMatchObject({
      start_at: addDays(start, 31).toISOString(),
      kind: "gift",
      is_paid: false,
    });
    const [linked] = await db()
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, first.json.subscription.id));
    expect(linked?.nextSubscriptionId).toBe(second.json.subscription.id);
    const created = await db().select().from(events).where(eq(events.userId, user.id));
    expect(created.filter((e) => e.name === "subscription.created")).toHaveLength(2);
  });

  it("chains concurrent subscriptions of one user one after another", async () => {
    const user = await createUser(db(), { email: "concurrent@example.com" });
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        call(createRoute, "POST", "/subscriptions", {
          token: tokens.api,
          body: { user_id: user.id, subscription_type_code: "web_month" },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const starts = results.map((r) => r.json.subscription.start_at);
    expect(new Set(starts).size).toBe(5);
  });

  it("takes explicit dates with any offset and answers in UTC", async () => {
    const result = await call(createRoute, "POST", "/subscriptions", {
      token: tokens.api,
      body: {
        ...validBody(),
        start_at: "2026-06-01T02:00:00+02:00",
        end_at: "2026-06-11T00:00:00Z",
        note: "Courtesy",
      },
    });
    expect(result.status).toBe(201);
    expect(result.json.subscription).toMatchObject({
      start_at: "2026-06-01T00:00:00.000Z",
      end_at: "2026-06-11T00:00:00.000Z",
    });
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: createRoute,
    method: "POST",
    path: "/subscriptions",
    auth: "api",
    validBody,
    invalidBodies: [
      {
        name: "an unknown user",
        body: () => ({ ...validBody(), user_id: 999_999 }),
        error: "user_not_found",
      },
      {
        name: "an unknown type",
        body: () => ({ ...validBody(), subscription_type_code: "nope" }),
        error: "subscription_type_not_found",
      },
      {
        name: "an end before the start",
        body: () => ({
          ...validBody(),
          start_at: "2026-06-10T00:00:00Z",
          end_at: "2026-06-01T00:00:00Z",
        }),
        error: "subscription_dates_invalid",
      },
      {
        name: "a date without offset",
        body: () => ({ ...validBody(), start_at: "2026-06-01 00:00" }),
        error: "validation_error",
      },
      {
        name: "an unknown kind",
        body: () => ({ ...validBody(), kind: "forever" }),
        error: "validation_error",
      },
      {
        name: "a string user id",
        body: () => ({ ...validBody(), user_id: String(customerId) }),
        error: "validation_error",
      },
      {
        name: "a missing type code",
        body: () => ({ user_id: customerId }),
        error: "validation_error",
      },
    ],
  });

  it("refuses a payments-only token", async () => {
    const payer = await createTokens(db(), "payments:write");
    await expectRefusedWithoutChange(
      db(),
      () => call(createRoute, "POST", "/subscriptions", { token: payer.api, body: validBody() }),
      {
        status: 403,
        error: "insufficient_scope",
      },
    );
  });
});
