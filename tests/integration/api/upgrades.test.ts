import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as listRoute, POST as applyRoute } from "@/app/api/v1/upgrades/route";
import { applyUpgradeResponseSchema, upgradeListSchema } from "@/lib/api/operations/upgrades";
import { addDays, freezeClock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { recurrentPayments, subscriptions, subscriptionUpgrades } from "@/lib/db/schema";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { openTestDatabase } from "../../support/test-database";
import {
  buySubscription,
  createCustomer,
  createUpgradeSchema,
  seedUpgradeCatalog,
} from "../upgrades/upgrade-kit";
import {
  call,
  countRows,
  createTokens,
  expectRefusedWithoutChange,
  itRefusesBadRequests,
  type Tokens,
} from "./api-test-kit";

/*
 * GET/POST /api/v1/upgrades: a customer's offers and applying one. Expected amounts are worked out by hand from the
 * formulas of design.md "Upgrades" (round = to cents, half away from zero).
 */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let tokens: Tokens;
let typeIds: Awaited<ReturnType<typeof seedUpgradeCatalog>>;
const db = (): Db => database.db;

const PRINT = { require_content: ["print"] };

beforeAll(async () => {
  database = await openTestDatabase();
  tokens = await createTokens(database.db, "upgrades");
  typeIds = await seedUpgradeCatalog(database.db);
  await createUpgradeSchema(database.db, {
    name: "Print upgrades",
    linkTypeCodes: ["web_monthly", "web_yearly"],
    options: [
      { type: "short", config: PRINT },
      { type: "paid_recurrent", config: PRINT },
      { type: "free_recurrent", config: PRINT },
      { type: "paid_extend", config: PRINT },
      { type: "short", config: { ...PRINT, require_tags: ["spring"] } },
    ],
  });
});
afterAll(() => database.close());

// Purchases happen at T0; the offers are asked for a day later, at T1.
const T0 = new Date("2026-03-02T09:00:00.000Z");
const T1 = addDays(T0, 1);
beforeEach(() => freezeClock(T0));

/** A customer who bought `typeCode` at T0, with the clock moved on to T1. */
async function customerWith(typeCode: string, cardToken?: string) {
  freezeClock(T0);
  const customer = await createCustomer(db(), "upgrader");
  const bought = await buySubscription(db(), { userId: customer.user.id, typeCode, cardToken });
  freezeClock(T1);
  return { ...customer, ...bought };
}

const list = (token: string | undefined, query: Record<string, string> = {}) =>
  call(listRoute, "GET", "/upgrades", { token, query });
const apply = (token: string | undefined, body: unknown) =>
  call(applyRoute, "POST", "/upgrades", { token, body });

let keySequence = 0;
const newKey = () => `key-${++keySequence}`;

/** ceil(a / b) for positive integers, exactly. */
const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;

// web_yearly (49.90 for 365 days) → web_print_yearly (129.00 for 365 days), 364 whole days left of 365:
// short buys ceil(364·4990/365 / (12900/365) · 86400) = ceil(364·4990·86400 / 12900) seconds of the target,
// and the value carried over is round(364·4990/365) = round(4976.33) = 4976 cents.
const SHORT_SECONDS = Number(ceilDiv(364n * 4990n * 86_400n, 12_900n));
const SHORT_CREDIT = 4976;
// web_monthly (4.99/31 days) → web_print_monthly (12.90/31 days), 30 days left: credit round(30·499/31) = 483,
// new round(30·1290/31) = 1248, so paid_recurrent charges 1248 − 483 = 765 and paid_extend 1290 − 483 = 807.
const MONTHLY_CREDIT = 483;
const PAID_RECURRENT_CHARGE = 765;
const PAID_EXTEND_CHARGE = 807;

async function subscriptionsOf(userId: number) {
  return db()
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.userId, userId))
    .orderBy(asc(subscriptions.id));
}

async function upgradesOf(userId: number) {
  const [row] = await db()
    .select({ n: count() })
    .from(subscriptionUpgrades)
    .where(eq(subscriptionUpgrades.userId, userId));
  return row?.n ?? 0;
}

describe("GET /api/v1/upgrades", () => {
  it("offers short for a yearly web subscription without renewal, with the shortened dates", async () => {
    expect(SHORT_SECONDS).toBe(12_165_388);
    const { token } = await customerWith("web_yearly");
    const result = await list(token);
    expect(result.status).toBe(200);
    expect(upgradeListSchema.parse(result.json)).toEqual(result.json);
    expect(result.json).toEqual({
      upgrades: [
        {
          type: "short",
          subscription_type_code: "web_print_yearly",
          charge_cents: 0,
          credit_cents: SHORT_CREDIT,
          start_at: T1.toISOString(),
          end_at: new Date(T1.getTime() + SHORT_SECONDS * 1000).toISOString(),
        },
      ],
      reason: null,
    });
  });

  it("offers paid_recurrent with the renewal price when a recurrent payment renews the subscription", async () => {
    const { token, subscription } = await customerWith("web_monthly", "tok_visa");
    const result = await list(token);
    expect(result.status).toBe(200);
    expect(upgradeListSchema.parse(result.json)).toEqual(result.json);
    expect(result.json.upgrades).toEqual([
      {
        type: "paid_recurrent",
        subscription_type_code: "web_print_monthly",
        charge_cents: PAID_RECURRENT_CHARGE,
        credit_cents: MONTHLY_CREDIT,
        start_at: T1.toISOString(),
        end_at: subscription.endAt.toISOString(),
        recurrent_price_cents: 1290,
      },
    ]);
  });

  it("offers paid_extend when short would give under 14 days, without a renewal price", async () => {
    const { token } = await customerWith("web_monthly");
    const result = await list(token);
    expect(result.json.upgrades).toEqual([
      {
        type: "paid_extend",
        subscription_type_code: "web_print_monthly",
        charge_cents: PAID_EXTEND_CHARGE,
        credit_cents: MONTHLY_CREDIT,
        start_at: T1.toISOString(),
        end_at: addDays(T1, 31).toISOString(),
      },
    ]);
    expect(result.json.upgrades[0]).not.toHaveProperty("recurrent_price_cents");
  });

  it("shows options with tags only to callers sending exactly those tags, and filters by content", async () => {
    const { token } = await customerWith("web_yearly");
    const tagged = await list(token, { tags: "spring" });
    expect(tagged.json.upgrades.map((offer: { type: string }) => offer.type)).toEqual(["short"]);
    const otherTags = await list(token, { tags: "spring,autumn" });
    expect(otherTags.json).toEqual({ upgrades: [], reason: "no_offer" });
    const print = await list(token, { content: "print" });
    expect(print.json.upgrades).toHaveLength(1);
    const club = await list(token, { content: "club" });
    expect(club.json).toEqual({ upgrades: [], reason: "no_offer" });
  });

  it("says why nothing is offered: no subscription, no payment, no schema", async () => {
    const nobody = await createCustomer(db(), "nobody");
    expect((await list(nobody.token)).json).toEqual({ upgrades: [], reason: "no_subscription" });

    const gifted = await createCustomer(db(), "gifted");
    await createSubscription(db(), {
      userId: gifted.user.id,
      subscriptionTypeId: typeIds.web_yearly,
      kind: "gift",
    });
    expect((await list(gifted.token)).json).toEqual({ upgrades: [], reason: "no_payment" });

    const printReader = await customerWith("web_print_monthly");
    expect((await list(printReader.token)).json).toEqual({ upgrades: [], reason: "no_schema" });
  });

  it("refuses invalid tags, content codes and unknown parameters (400)", async () => {
    const { token } = await customerWith("web_yearly");
    const queries: Record<string, string>[] = [
      { tags: "Spring Sale" },
      { tags: "ok,-bad" },
      { content: "Print!" },
      { page: "2" },
    ];
    for (const query of queries) {
      const result = await list(token, query);
      expect(result.status, JSON.stringify(query)).toBe(400);
      expect(result.json.error).toBe("validation_error");
    }
  });

  it("needs a user token", async () => {
    expect((await list(undefined)).status).toBe(401);
    expect((await list(undefined)).json.error).toBe("unauthenticated");
    const api = await list(tokens.api);
    expect([api.status, api.json.error]).toEqual([403, "user_token_required"]);
  });
});

describe("POST /api/v1/upgrades", () => {
  it("applies short: the base ends now and an upgrade subscription of the target runs the shortened time (201)", async () => {
    const { token, user, subscription: base } = await customerWith("web_yearly");
    const result = await apply(token, {
      type: "short",
      subscription_type_code: "web_print_yearly",
      idempotency_key: newKey(),
    });
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    expect(applyUpgradeResponseSchema.parse(result.json)).toEqual(result.json);
    expect(result.headers.get("Idempotent-Replayed")).toBeNull();
    expect(result.json).toMatchObject({
      upgrade: {
        type: "short",
        status: "completed",
        charge_cents: 0,
        credit_cents: SHORT_CREDIT,
        base_subscription_id: base.id,
        subscription_type_code: "web_print_yearly",
      },
      subscription: {
        user_id: user.id,
        kind: "upgrade",
        subscription_type_code: "web_print_yearly",
        start_at: T1.toISOString(),
        end_at: new Date(T1.getTime() + SHORT_SECONDS * 1000).toISOString(),
      },
      payment: null,
      checkout_url: null,
    });
    const [ended] = await db().select().from(subscriptions).where(eq(subscriptions.id, base.id));
    expect(ended?.endAt.toISOString()).toBe(T1.toISOString());
    // Once upgraded, the upgrade is not offered again.
    const after = await list(token);
    expect(after.json.upgrades).toEqual([]);
    expect(after.json.reason).not.toBeNull();
  });

  it("applies paid_recurrent: charges the stored card, and the renewal moves to the target type", async () => {
    const {
      token,
      user,
      subscription: base,
      recurrentPayment,
    } = await customerWith("web_monthly", "tok_visa");
    const result = await apply(token, {
      type: "paid_recurrent",
      subscription_type_code: "web_print_monthly",
      idempotency_key: newKey(),
      expected_charge_cents: PAID_RECURRENT_CHARGE,
    });
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    expect(applyUpgradeResponseSchema.parse(result.json)).toEqual(result.json);
    expect(result.json).toMatchObject({
      upgrade: {
        type: "paid_recurrent",
        status: "completed",
        charge_cents: PAID_RECURRENT_CHARGE,
        credit_cents: MONTHLY_CREDIT,
      },
      subscription: {
        user_id: user.id,
        kind: "upgrade",
        subscription_type_code: "web_print_monthly",
        start_at: T1.toISOString(),
        end_at: base.endAt.toISOString(),
      },
      payment: {
        user_id: user.id,
        status: "paid",
        amount_cents: PAID_RECURRENT_CHARGE,
        gateway: "demo",
      },
      checkout_url: null,
    });
    const [renewal] = await db()
      .select()
      .from(recurrentPayments)
      .where(eq(recurrentPayments.id, recurrentPayment!.id));
    expect(renewal).toMatchObject({
      state: "active",
      subscriptionTypeId: typeIds.web_print_monthly,
    });
  });

  it("answers payment_declined (402) when the stored card is declined, leaving subscriptions and renewal unchanged", async () => {
    const { token, user, recurrentPayment } = await customerWith("web_monthly", "tok_declined");
    const subscriptionsBefore = await subscriptionsOf(user.id);
    const [renewalBefore] = await db()
      .select()
      .from(recurrentPayments)
      .where(eq(recurrentPayments.id, recurrentPayment!.id));
    const result = await apply(token, {
      type: "paid_recurrent",
      subscription_type_code: "web_print_monthly",
      idempotency_key: newKey(),
    });
    expect([result.status, result.json.error]).toEqual([402, "payment_declined"]);
    expect(typeof result.json.message).toBe("string");
    expect(await subscriptionsOf(user.id)).toEqual(subscriptionsBefore);
    const [renewalAfter] = await db()
      .select()
      .from(recurrentPayments)
      .where(eq(recurrentPayments.id, recurrentPayment!.id));
    expect(renewalAfter).toEqual(renewalBefore);
    expect(await upgradesOf(user.id)).toBe(0);
  });

  it("applies paid_extend as pending with an unpaid payment to pay at checkout", async () => {
    const { token, user, subscription: base } = await customerWith("web_monthly");
    const result = await apply(token, {
      type: "paid_extend",
      subscription_type_code: "web_print_monthly",
      idempotency_key: newKey(),
    });
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    expect(applyUpgradeResponseSchema.parse(result.json)).toEqual(result.json);
    expect(result.json).toMatchObject({
      upgrade: { type: "paid_extend", status: "pending", charge_cents: PAID_EXTEND_CHARGE },
      subscription: null,
      payment: {
        user_id: user.id,
        status: "form",
        amount_cents: PAID_EXTEND_CHARGE,
        gateway: "demo",
      },
    });
    expect(result.json.checkout_url).toBe(`/checkout/${result.json.payment.id}`);
    // Nothing changes until it is paid.
    const [unchanged] = await db()
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, base.id));
    expect(unchanged?.endAt).toEqual(base.endAt);
  });

  it("refuses an upgrade that is not offered (409 upgrade_not_available), changing nothing", async () => {
    const { token } = await customerWith("web_yearly");
    await expectRefusedWithoutChange(
      db(),
      () =>
        apply(token, {
          type: "paid_recurrent",
          subscription_type_code: "web_print_yearly",
          idempotency_key: newKey(),
        }),
      { status: 409, error: "upgrade_not_available" },
    );
    await expectRefusedWithoutChange(
      db(),
      () =>
        apply(token, {
          type: "short",
          subscription_type_code: "web_print_monthly",
          idempotency_key: newKey(),
        }),
      { status: 409, error: "upgrade_not_available" },
    );
  });

  it("refuses when the price moved since it was shown (409 upgrade_offer_changed), with the current offer", async () => {
    const { token, user } = await customerWith("web_monthly", "tok_visa");
    const result = await expectRefusedWithoutChange(
      db(),
      () =>
        apply(token, {
          type: "paid_recurrent",
          subscription_type_code: "web_print_monthly",
          idempotency_key: newKey(),
          expected_charge_cents: PAID_RECURRENT_CHARGE + 26,
        }),
      { status: 409, error: "upgrade_offer_changed" },
    );
    expect(result.json.details.offer).toMatchObject({
      type: "paid_recurrent",
      chargeCents: PAID_RECURRENT_CHARGE,
    });
    expect(await upgradesOf(user.id)).toBe(0);
  });

  it("performs one upgrade for one idempotency key: a retry replays it; another request with the key is refused", async () => {
    const { token, user } = await customerWith("web_monthly", "tok_visa");
    const body = {
      type: "paid_recurrent",
      subscription_type_code: "web_print_monthly",
      idempotency_key: newKey(),
    };
    const first = await apply(token, body);
    expect(first.status).toBe(201);
    const paymentsAfterFirst = (await countRows(db())).payments;

    const again = await apply(token, body);
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(again.json).toEqual(first.json);
    expect(await upgradesOf(user.id)).toBe(1);
    expect((await countRows(db())).payments).toBe(paymentsAfterFirst);
    const upgraded = await db()
      .select()
      .from(subscriptions)
      .where(and(eq(subscriptions.userId, user.id), eq(subscriptions.kind, "upgrade")));
    expect(upgraded).toHaveLength(1);

    const reused = await apply(token, { ...body, type: "free_recurrent" });
    expect([reused.status, reused.json.error]).toEqual([409, "idempotency_key_reused"]);
  });

  it("keeps idempotency keys per user: another customer's key does not replay their upgrade", async () => {
    const key = newKey();
    const a = await customerWith("web_yearly");
    const b = await customerWith("web_yearly");
    const first = await apply(a.token, {
      type: "short",
      subscription_type_code: "web_print_yearly",
      idempotency_key: key,
    });
    const second = await apply(b.token, {
      type: "short",
      subscription_type_code: "web_print_yearly",
      idempotency_key: key,
    });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get("Idempotent-Replayed")).toBeNull();
    expect(second.json.upgrade.id).not.toBe(first.json.upgrade.id);
    expect(second.json.subscription.user_id).toBe(b.user.id);
  });

  itRefusesBadRequests({
    db,
    tokens: () => tokens,
    handler: applyRoute,
    method: "POST",
    path: "/upgrades",
    auth: "user",
    validBody: () => ({
      type: "short",
      subscription_type_code: "web_print_yearly",
      idempotency_key: newKey(),
    }),
    invalidBodies: [
      {
        name: "an unknown method",
        body: () => ({
          type: "long",
          subscription_type_code: "web_print_yearly",
          idempotency_key: "k",
        }),
        error: "validation_error",
      },
      {
        name: "a missing idempotency key",
        body: () => ({ type: "short", subscription_type_code: "web_print_yearly" }),
        error: "validation_error",
      },
      {
        name: "an invalid tag",
        body: () => ({
          type: "short",
          subscription_type_code: "web_print_yearly",
          idempotency_key: "k",
          tags: ["No Way"],
        }),
        error: "validation_error",
      },
      {
        name: "a negative expected charge",
        body: () => ({
          type: "short",
          subscription_type_code: "web_print_yearly",
          idempotency_key: "k",
          expected_charge_cents: -1,
        }),
        error: "validation_error",
      },
      {
        name: "an unknown field",
        body: () => ({
          type: "short",
          subscription_type_code: "web_print_yearly",
          idempotency_key: "k",
          user_id: 1,
        }),
        error: "validation_error",
      },
    ],
  });
});
