import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/v1/payments/route";
import { paymentResponseSchema } from "@/lib/api/operations/payments";
import { addDays, freezeClock } from "@/lib/clock";
import { events } from "@/lib/db/schema";
import { createContentAccess } from "@/lib/subscriptions/create-content-access";
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
let customerId: number;
const db = () => database.db;

beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(database.db, "payments:write");
  await createContentAccess(database.db, { code: "web", name: "Web" });
  await createContentAccess(database.db, { code: "print", name: "Print" });
  await saveSubscriptionType(database.db, {
    code: "web_month",
    name: "Web monthly",
    lengthDays: 31,
    priceCents: 499,
    contentAccessCodes: ["web"],
  });
  await saveSubscriptionType(database.db, {
    code: "print_month",
    name: "Print monthly",
    lengthDays: 31,
    priceCents: 899,
    contentAccessCodes: ["print"],
  });
  // Every subscription of this type would end before it starts, so paying for it fails inside the transaction.
  await saveSubscriptionType(database.db, {
    code: "expired_edition",
    name: "Expired edition",
    lengthDays: 31,
    priceCents: 100,
    contentAccessCodes: ["web"],
    fixedEnd: new Date("2020-01-01T00:00:00Z"),
  });
  customerId = (await createUser(database.db, { email: "customer@example.com" })).id;
});
afterAll(() => database.close());

const validBody = () => ({ user_id: customerId, items: [{ subscription_type_code: "web_month" }] });
const newUser = (() => {
  let n = 0;
  return () => createUser(db(), { email: `payer-${++n}@example.com` });
})();
const post = (body: unknown, headers?: Record<string, string>, token = tokens.api) =>
  call(createRoute, "POST", "/payments", { token, body, headers });

describe("POST /api/v1/payments", () => {
  it("creates an unpaid payment with its items; the amount is the sum of the items (201)", async () => {
    const user = await newUser();
    const result = await post({
      user_id: user.id,
      items: [
        { subscription_type_code: "web_month", count: 2 },
        { subscription_type_code: "print_month", amount_cents: 750 },
      ],
    });
    expect(result.status).toBe(201);
    expect(paymentResponseSchema.parse(result.json)).toEqual(result.json);
    expect(result.json).toMatchObject({
      payment: {
        user_id: user.id,
        status: "form",
        gateway: "manual",
        amount_cents: 2 * 499 + 750,
        paid_at: null,
        recurrent: false,
      },
      subscription: null,
      recurrent_payment: null,
    });
    expect(result.json.payment.items).toMatchObject([
      {
        type: "subscription_type",
        subscription_type_code: "web_month",
        name: "Web monthly",
        amount_cents: 499,
        count: 2,
      },
      { subscription_type_code: "print_month", amount_cents: 750, count: 1 },
    ]);
  });

  it("pays at once: the subscription starts now, the next one after the running one", async () => {
    const start = new Date("2026-04-01T08:00:00Z");
    freezeClock(start);
    const user = await newUser();
    const first = await post({
      user_id: user.id,
      items: [{ subscription_type_code: "web_month" }],
      status: "paid",
    });
    expect(first.status).toBe(201);
    expect(paymentResponseSchema.parse(first.json)).toEqual(first.json);
    expect(first.json.payment).toMatchObject({ status: "paid", paid_at: start.toISOString() });
    expect(first.json.subscription).toMatchObject({
      user_id: user.id,
      payment_id: first.json.payment.id,
      subscription_type_code: "web_month",
      is_paid: true,
      start_at: start.toISOString(),
      end_at: addDays(start, 31).toISOString(),
    });
    const second = await post({
      user_id: user.id,
      items: [{ subscription_type_code: "web_month" }],
      status: "paid",
      paid_at: "2026-03-31T12:00:00+02:00",
    });
    expect(second.json.payment.paid_at).toBe("2026-03-31T10:00:00.000Z");
    expect(second.json.subscription.start_at).toBe(addDays(start, 31).toISOString());
    // Other content access does not queue: print starts now.
    const print = await post({
      user_id: user.id,
      items: [{ subscription_type_code: "print_month" }],
      status: "paid",
    });
    expect(print.json.subscription.start_at).toBe(start.toISOString());
    const names = (await db().select().from(events).where(eq(events.userId, user.id))).map(
      (e) => e.name,
    );
    expect(names.filter((n) => n === "payment.paid")).toHaveLength(3);
  });

  it("chains concurrent paid payments of one user one after another", async () => {
    const user = await newUser();
    const body = {
      user_id: user.id,
      items: [{ subscription_type_code: "web_month" }],
      status: "paid",
    };
    const results = await Promise.all(Array.from({ length: 6 }, () => post(body)));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    const periods = results
      .map(
        (r) =>
          [
            Date.parse(r.json.subscription.start_at),
            Date.parse(r.json.subscription.end_at),
          ] as const,
      )
      .sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < periods.length; i++) expect(periods[i]![0]).toBe(periods[i - 1]![1]);
  });

  it("sets up a recurrent payment when a paid payment carries a card token", async () => {
    const user = await newUser();
    const result = await post({
      user_id: user.id,
      items: [{ subscription_type_code: "web_month" }],
      status: "paid",
      gateway: "demo",
      recurrent: { card_token: "tok_visa" },
    });
    expect(result.status).toBe(201);
    expect(result.json.payment).toMatchObject({ gateway: "demo", recurrent: true });
    expect(result.json.recurrent_payment).toMatchObject({
      user_id: user.id,
      state: "active",
      gateway: "demo",
      parent_payment_id: result.json.payment.id,
      charge_at: result.json.subscription.end_at,
    });
    expect(JSON.stringify(result.json)).not.toContain("tok_visa");
  });

  it("rolls everything back when paying fails: no payment, item, subscription or event remains", async () => {
    const result = await expectRefusedWithoutChange(
      db(),
      () =>
        post({
          user_id: customerId,
          items: [{ subscription_type_code: "expired_edition" }],
          status: "paid",
        }),
      { status: 400, error: "subscription_dates_invalid" },
    );
    expect(result.json.message).toMatch(/end after it starts/);
  });

  describe("Idempotency-Key", () => {
    it("returns the first result again for a retry, creating nothing", async () => {
      const user = await newUser();
      const body = {
        user_id: user.id,
        items: [{ subscription_type_code: "web_month" }],
        status: "paid",
      };
      const first = await post(body, { "Idempotency-Key": "order-1001" });
      expect(first.status).toBe(201);
      expect(first.headers.get("Idempotent-Replayed")).toBeNull();
      const before = await countRows(db());
      const retry = await post(body, { "Idempotency-Key": "order-1001" });
      expect(retry.status).toBe(201);
      expect(retry.headers.get("Idempotent-Replayed")).toBe("true");
      expect(retry.json).toEqual(first.json);
      expect(await countRows(db())).toEqual(before);
    });

    it("refuses the same key with a different body (409 idempotency_key_reused)", async () => {
      const user = await newUser();
      await post(
        { user_id: user.id, items: [{ subscription_type_code: "web_month" }] },
        { "Idempotency-Key": "order-2002" },
      );
      await expectRefusedWithoutChange(
        db(),
        () =>
          post(
            { user_id: user.id, items: [{ subscription_type_code: "print_month" }] },
            { "Idempotency-Key": "order-2002" },
          ),
        { status: 409, error: "idempotency_key_reused" },
      );
    });

    it("creates one payment for concurrent requests with one key", async () => {
      const user = await newUser();
      const body = {
        user_id: user.id,
        items: [{ subscription_type_code: "web_month" }],
        status: "paid",
      };
      const before = await countRows(db());
      const results = await Promise.all(
        Array.from({ length: 6 }, () => post(body, { "Idempotency-Key": "order-3003" })),
      );
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
      expect(new Set(results.map((r) => r.json.payment.id)).size).toBe(1);
      expect(results.filter((r) => r.headers.get("Idempotent-Replayed") === "true")).toHaveLength(
        5,
      );
      const after = await countRows(db());
      expect(after.payments).toBe(before.payments! + 1);
      expect(after.subscriptions).toBe(before.subscriptions! + 1);
    });

    it("scopes keys to the API token", async () => {
      const other = await createTokens(db(), "payments:write");
      const body = validBody();
      const mine = await post(body, { "Idempotency-Key": "shared-key" });
      const theirs = await post(body, { "Idempotency-Key": "shared-key" }, other.api);
      expect(theirs.status).toBe(201);
      expect(theirs.json.payment.id).not.toBe(mine.json.payment.id);
    });

    it("refuses a malformed key (400 idempotency_key_invalid)", async () => {
      for (const key of ["x".repeat(201), "has space"]) {
        await expectRefusedWithoutChange(
          db(),
          () => post(validBody(), { "Idempotency-Key": key }),
          {
            status: 400,
            error: "idempotency_key_invalid",
          },
        );
      }
    });
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: createRoute,
    method: "POST",
    path: "/payments",
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
        body: () => ({
          ...validBody(),
          items: [{ subscription_type_code: "web_month" }, { subscription_type_code: "nope" }],
        }),
        error: "subscription_type_not_found",
      },
      { name: "no items", body: () => ({ ...validBody(), items: [] }), error: "validation_error" },
      {
        name: "a zero count",
        body: () => ({
          ...validBody(),
          items: [{ subscription_type_code: "web_month", count: 0 }],
        }),
        error: "validation_error",
      },
      {
        name: "a negative amount",
        body: () => ({
          ...validBody(),
          items: [{ subscription_type_code: "web_month", amount_cents: -5 }],
        }),
        error: "validation_error",
      },
      {
        name: "a decimal amount",
        body: () => ({
          ...validBody(),
          items: [{ subscription_type_code: "web_month", amount_cents: 4.99 }],
        }),
        error: "validation_error",
      },
      {
        name: "status refund",
        body: () => ({ ...validBody(), status: "refund" }),
        error: "validation_error",
      },
      {
        name: "an unknown gateway",
        body: () => ({ ...validBody(), gateway: "paypal" }),
        error: "validation_error",
      },
      {
        name: "an empty card token",
        body: () => ({ ...validBody(), recurrent: { card_token: "" } }),
        error: "validation_error",
      },
      {
        name: "paid_at on an unpaid payment",
        body: () => ({ ...validBody(), paid_at: "2026-01-01T00:00:00Z" }),
        error: "paid_at_requires_paid_status",
      },
      {
        name: "paid_at in the future",
        body: () => ({ ...validBody(), status: "paid", paid_at: "2999-01-01T00:00:00Z" }),
        error: "paid_at_in_future",
      },
    ],
  });
});
