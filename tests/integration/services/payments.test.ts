import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerActor, SYSTEM_ACTOR } from "@/lib/auth/actor";
import { addDays, freezeClock } from "@/lib/clock";
import { events, payments, recurrentPayments, subscriptions } from "@/lib/db/schema";
import { createPayment } from "@/lib/payments/create-payment";
import { markPaymentPaid } from "@/lib/payments/mark-payment-paid";
import { refundPayment } from "@/lib/payments/refund-payment";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";
import { buyPaid, seedCatalog, uniqueEmail } from "./fixtures";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
  await seedCatalog(database.db);
});
afterAll(() => database.close());

const start = new Date("2026-01-01T00:00:00Z");

describe("createPayment", () => {
  it("sums items at the type's price unless a unit price is given", async () => {
    const user = await createUser(database.db, { email: uniqueEmail() });
    const { payment, items } = await createPayment(database.db, {
      userId: user.id,
      items: [
        { subscriptionTypeCode: "web_month", count: 2 },
        { subscriptionTypeCode: "web_year", amountCents: 1000 },
      ],
    });
    expect(payment).toMatchObject({
      status: "form",
      amountCents: 2 * 499 + 1000,
      gateway: "manual",
    });
    expect(items.map((item) => [item.name, item.amountCents, item.count])).toEqual([
      ["Web monthly", 499, 2],
      ["Web yearly", 1000, 1],
    ]);
  });

  it("refuses an unknown type or user and writes nothing", async () => {
    const user = await createUser(database.db, { email: uniqueEmail() });
    await expect(
      createPayment(database.db, { userId: user.id, items: [{ subscriptionTypeCode: "nope" }] }),
    ).rejects.toMatchObject({ code: "subscription_type_not_found" });
    await expect(
      createPayment(database.db, {
        userId: 999_999,
        items: [{ subscriptionTypeCode: "web_month" }],
      }),
    ).rejects.toMatchObject({ code: "user_not_found" });
    expect(
      await database.db.select().from(payments).where(eq(payments.userId, user.id)),
    ).toHaveLength(0);
  });
});

describe("markPaymentPaid", () => {
  it("starts the subscription when the running one with the same content access ends, and links them", async () => {
    freezeClock(start);
    const user = await createUser(database.db, { email: uniqueEmail("chain") });
    const first = await buyPaid(database.db, user.id, "web_month");
    expect(first.subscription).toMatchObject({
      startAt: start,
      endAt: addDays(start, 31),
      isPaid: true,
    });
    const second = await buyPaid(database.db, user.id, "web_year");
    expect(second.subscription?.startAt).toEqual(addDays(start, 31));
    expect(second.subscription?.endAt).toEqual(addDays(start, 31 + 365));
    const third = await buyPaid(database.db, user.id, "web_month");
    expect(third.subscription?.startAt).toEqual(addDays(start, 31 + 365));
    const [firstRow] = await database.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, first.subscription!.id));
    expect(firstRow?.nextSubscriptionId).toBe(second.subscription!.id);
  });

  it("starts now when the running subscription gives different content access", async () => {
    freezeClock(start);
    const user = await createUser(database.db, { email: uniqueEmail("upsell") });
    await buyPaid(database.db, user.id, "web_month");
    const bigger = await buyPaid(database.db, user.id, "web_print_month");
    expect(bigger.subscription?.startAt).toEqual(start);
  });

  it("starts now when the previous subscription already ended", async () => {
    freezeClock(start);
    const user = await createUser(database.db, { email: uniqueEmail("lapsed") });
    await buyPaid(database.db, user.id, "web_month");
    freezeClock(addDays(start, 40));
    const renewed = await buyPaid(database.db, user.id, "web_month");
    expect(renewed.subscription?.startAt).toEqual(addDays(start, 40));
  });

  it("is idempotent: paying twice creates one subscription and one payment.paid", async () => {
    const user = await createUser(database.db, { email: uniqueEmail("twice") });
    const { payment } = await createPayment(database.db, {
      userId: user.id,
      items: [{ subscriptionTypeCode: "web_month" }],
    });
    const results = await Promise.all([
      markPaymentPaid(database.db, { paymentId: payment.id, actor: SYSTEM_ACTOR }),
      markPaymentPaid(database.db, { paymentId: payment.id, actor: SYSTEM_ACTOR }),
    ]);
    expect(results.filter((r) => r.alreadyPaid)).toHaveLength(1);
    expect(
      await database.db.select().from(subscriptions).where(eq(subscriptions.userId, user.id)),
    ).toHaveLength(1);
    const paidEvents = await database.db
      .select()
      .from(events)
      .where(and(eq(events.userId, user.id), eq(events.name, "payment.paid")));
    expect(paidEvents).toHaveLength(1);
    expect(paidEvents[0]?.payload).toMatchObject({ payment_id: payment.id, amount_cents: 499 });
  });

  it("holds a customer actor to their own payment", async () => {
    const owner = await createUser(database.db, { email: uniqueEmail("owner") });
    const stranger = await createUser(database.db, { email: uniqueEmail("stranger") });
    const { payment } = await createPayment(database.db, {
      userId: owner.id,
      items: [{ subscriptionTypeCode: "web_month" }],
    });
    await expect(
      markPaymentPaid(database.db, { paymentId: payment.id, actor: customerActor(stranger.id) }),
    ).rejects.toMatchObject({
      code: "payment_not_found",
    });
    const paid = await markPaymentPaid(database.db, {
      paymentId: payment.id,
      actor: customerActor(owner.id),
    });
    expect(paid.payment.status).toBe("paid");
  });

  it("sets up a recurrent payment charged when the subscription ends", async () => {
    freezeClock(start);
    const user = await createUser(database.db, { email: uniqueEmail("recurrent") });
    const paid = await buyPaid(database.db, user.id, "web_month", "tok_visa");
    const [recurrent] = await database.db
      .select()
      .from(recurrentPayments)
      .where(eq(recurrentPayments.parentPaymentId, paid.payment.id));
    expect(recurrent).toMatchObject({
      state: "active",
      cardToken: "tok_visa",
      chargeAt: addDays(start, 31),
      userId: user.id,
    });
  });
});

describe("refundPayment", () => {
  it("stops the subscription and the recurrent payment, and can happen once", async () => {
    freezeClock(start);
    const user = await createUser(database.db, { email: uniqueEmail("refund") });
    const paid = await buyPaid(database.db, user.id, "web_month", "tok_visa");
    freezeClock(addDays(start, 3));
    const refunded = await refundPayment(database.db, { paymentId: paid.payment.id });
    expect(refunded).toMatchObject({ status: "refund", refundedAt: addDays(start, 3) });
    const [subscription] = await database.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, paid.subscription!.id));
    expect(subscription?.endAt).toEqual(addDays(start, 3));
    const [recurrent] = await database.db
      .select()
      .from(recurrentPayments)
      .where(eq(recurrentPayments.parentPaymentId, paid.payment.id));
    expect(recurrent?.state).toBe("system_stop");
    await expect(refundPayment(database.db, { paymentId: paid.payment.id })).rejects.toMatchObject({
      code: "payment_wrong_status",
    });
    await expect(
      markPaymentPaid(database.db, { paymentId: paid.payment.id, actor: SYSTEM_ACTOR }),
    ).rejects.toMatchObject({ code: "payment_wrong_status" });
  });
});

describe("concurrent purchases", () => {
  it("chain one after the other instead of overlapping", async () => {
    freezeClock(start);
    const user = await createUser(database.db, { email: uniqueEmail("burst") });
    const results = await Promise.all(
      [1, 2, 3].map(() => buyPaid(database.db, user.id, "web_month")),
    );
    const starts = results.map((r) => r.subscription!.startAt.getTime()).sort((a, b) => a - b);
    expect(starts).toEqual([0, 31, 62].map((days) => addDays(start, days).getTime()));
  });
});

describe("recurrent setup needs a card gateway", () => {
  it("defaults to the demo gateway for a card token and refuses manual payments with one", async () => {
    const user = await createUser(database.db, { email: uniqueEmail("gw") });
    const { payment } = await createPayment(database.db, {
      userId: user.id,
      items: [{ subscriptionTypeCode: "web_month" }],
      recurrentCardToken: "tok_visa",
    });
    expect(payment.gateway).toBe("demo");
    await expect(
      createPayment(database.db, {
        userId: user.id,
        gateway: "manual",
        items: [{ subscriptionTypeCode: "web_month" }],
        recurrentCardToken: "tok_visa",
      }),
    ).rejects.toMatchObject({ code: "gateway_not_chargeable" });
  });
});
