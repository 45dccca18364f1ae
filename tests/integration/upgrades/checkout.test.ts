import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, freezeClock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { payments, subscriptions, subscriptionUpgrades } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { createPayment } from "@/lib/payments/create-payment";
import { payPayment } from "@/lib/payments/pay-payment";
import { applyUpgrade } from "@/lib/upgrades/apply-upgrade";
import { openTestDatabase } from "../../support/test-database";
import {
  buySubscription,
  createCustomer,
  createUpgradeSchema,
  seedUpgradeCatalog,
} from "./upgrade-kit";

/*
 * The demo checkout (payPayment): a paid_extend upgrade's payment is paid on a test card. A decline leaves the
 * payment payable and the subscription as it was; success completes the upgrade; nobody pays another's payment.
 */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let typeIds: Awaited<ReturnType<typeof seedUpgradeCatalog>>;
const db = (): Db => database.db;

beforeAll(async () => {
  database = await openTestDatabase();
  typeIds = await seedUpgradeCatalog(database.db);
  await createUpgradeSchema(database.db, {
    name: "Extend to print",
    linkTypeCodes: ["web_monthly"],
    options: [{ type: "paid_extend", config: { require_content: ["print"] } }],
  });
});
afterAll(() => database.close());

const T0 = new Date("2026-05-04T12:00:00.000Z");
const T1 = addDays(T0, 1);
// web_monthly (4.99/31 d) → web_print_monthly (12.90/31 d) with 30 of 31 days left: 1290 − round(30·499/31) = 1290 − 483.
const CHARGE_30_DAYS_LEFT = 807;
// Two days later, 28 days left: 1290 − round(28·499/31) = 1290 − round(450.71) = 1290 − 451.
const CHARGE_28_DAYS_LEFT = 839;

let keys = 0;

/** A customer on web_monthly (bought at T0) with a pending paid_extend upgrade made at T1. */
async function pendingUpgrade() {
  freezeClock(T0);
  const { user } = await createCustomer(db(), "payer");
  const { subscription: base } = await buySubscription(db(), {
    userId: user.id,
    typeCode: "web_monthly",
  });
  freezeClock(T1);
  const applied = await applyUpgrade(db(), {
    userId: user.id,
    type: "paid_extend",
    targetCode: "web_print_monthly",
    idempotencyKey: `checkout-${++keys}`,
  });
  if (!applied.payment) throw new Error("paid_extend made no payment");
  return { user, base, upgrade: applied.upgrade, payment: applied.payment };
}

async function expectAppError(promise: Promise<unknown>, code: string, status: number) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(isAppError(error), String(error)).toBe(true);
  expect(error).toMatchObject({ code, status });
}

const paymentRow = async (id: number) =>
  (await db().select().from(payments).where(eq(payments.id, id)))[0];
const upgradeRow = async (id: number) =>
  (await db().select().from(subscriptionUpgrades).where(eq(subscriptionUpgrades.id, id)))[0];
const subscriptionsOf = (userId: number) =>
  db()
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.userId, userId))
    .orderBy(asc(subscriptions.id));

describe("payPayment", () => {
  it("keeps a declined payment payable and changes no subscription; another card then pays it", async () => {
    const { user, upgrade, payment } = await pendingUpgrade();
    expect(payment).toMatchObject({
      status: "form",
      gateway: "demo",
      amountCents: CHARGE_30_DAYS_LEFT,
    });
    const before = await subscriptionsOf(user.id);

    await expectAppError(
      payPayment(db(), { paymentId: payment.id, userId: user.id, cardToken: "tok_declined" }),
      "payment_declined",
      402,
    );
    expect(await paymentRow(payment.id)).toMatchObject({ status: "form", paidAt: null });
    expect((await paymentRow(payment.id))?.failureReason).toEqual(expect.any(String));
    expect(await subscriptionsOf(user.id)).toEqual(before);
    expect(await upgradeRow(upgrade.id)).toMatchObject({
      status: "pending",
      upgradedSubscriptionId: null,
    });

    const paid = await payPayment(db(), {
      paymentId: payment.id,
      userId: user.id,
      cardToken: "tok_visa",
    });
    expect(paid.payment).toMatchObject({ id: payment.id, status: "paid", failureReason: null });
  });

  it("pays on a good card and completes the upgrade: the base ends now, a full period of the target starts now", async () => {
    const { user, base, upgrade, payment } = await pendingUpgrade();
    const result = await payPayment(db(), {
      paymentId: payment.id,
      userId: user.id,
      cardToken: "tok_visa",
    });

    expect(result.payment).toMatchObject({
      id: payment.id,
      status: "paid",
      amountCents: CHARGE_30_DAYS_LEFT,
      paidAt: T1,
    });
    expect((await paymentRow(payment.id))?.meta).toMatchObject({
      transaction_id: expect.stringMatching(/^demo_/),
    });
    const completed = await upgradeRow(upgrade.id);
    expect(completed).toMatchObject({ status: "completed" });
    expect(completed?.upgradedSubscriptionId).not.toBeNull();
    const [upgraded] = await db()
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, completed!.upgradedSubscriptionId!));
    expect(upgraded).toMatchObject({
      userId: user.id,
      subscriptionTypeId: typeIds.web_print_monthly,
      kind: "upgrade",
      startAt: T1,
      endAt: addDays(T1, 31),
    });
    const [ended] = await db().select().from(subscriptions).where(eq(subscriptions.id, base.id));
    expect(ended?.endAt).toEqual(T1);
  });

  it("refuses to charge again once paid (409 payment_wrong_status)", async () => {
    const { user, payment } = await pendingUpgrade();
    await payPayment(db(), { paymentId: payment.id, userId: user.id, cardToken: "tok_visa" });
    const subscriptionsAfterPaying = await subscriptionsOf(user.id);
    await expectAppError(
      payPayment(db(), { paymentId: payment.id, userId: user.id, cardToken: "tok_visa" }),
      "payment_wrong_status",
      409,
    );
    expect(await subscriptionsOf(user.id)).toEqual(subscriptionsAfterPaying);
  });

  it("does not find another customer's payment (404), and leaves it unpaid", async () => {
    const { payment } = await pendingUpgrade();
    const { user: stranger } = await createCustomer(db(), "stranger");
    await expectAppError(
      payPayment(db(), { paymentId: payment.id, userId: stranger.id, cardToken: "tok_visa" }),
      "payment_not_found",
      404,
    );
    expect(await paymentRow(payment.id)).toMatchObject({ status: "form", failureReason: null });
  });

  it("re-prices an upgrade whose days left changed before charging it: the customer sees the new amount first", async () => {
    const { user, upgrade, payment } = await pendingUpgrade();
    freezeClock(addDays(T1, 2));
    await expectAppError(
      payPayment(db(), { paymentId: payment.id, userId: user.id, cardToken: "tok_visa" }),
      "upgrade_offer_changed",
      409,
    );
    expect(await paymentRow(payment.id)).toMatchObject({
      status: "form",
      amountCents: CHARGE_28_DAYS_LEFT,
    });
    expect(await upgradeRow(upgrade.id)).toMatchObject({ status: "pending" });

    const paid = await payPayment(db(), {
      paymentId: payment.id,
      userId: user.id,
      cardToken: "tok_visa",
    });
    expect(paid.payment).toMatchObject({ status: "paid", amountCents: CHARGE_28_DAYS_LEFT });
    expect(await upgradeRow(upgrade.id)).toMatchObject({ status: "completed" });
  });

  it("pays an ordinary demo payment, creating its subscription; a manual payment is not paid by card here", async () => {
    freezeClock(T0);
    const { user } = await createCustomer(db(), "buyer");
    const { payment: demo } = await createPayment(db(), {
      userId: user.id,
      gateway: "demo",
      items: [{ subscriptionTypeCode: "web_yearly" }],
    });
    const paid = await payPayment(db(), {
      paymentId: demo.id,
      userId: user.id,
      cardToken: "tok_visa",
    });
    expect(paid.payment).toMatchObject({ status: "paid", amountCents: 4990 });
    expect(paid).toMatchObject({
      status: "paid",
      subscription: { subscriptionTypeId: typeIds.web_yearly, startAt: T0, paymentId: demo.id },
    });

    const { payment: manual } = await createPayment(db(), {
      userId: user.id,
      gateway: "manual",
      items: [{ subscriptionTypeCode: "web_yearly" }],
    });
    await expectAppError(
      payPayment(db(), { paymentId: manual.id, userId: user.id, cardToken: "tok_visa" }),
      "gateway_not_chargeable",
      409,
    );
    expect(await paymentRow(manual.id)).toMatchObject({ status: "form" });
  });
});
