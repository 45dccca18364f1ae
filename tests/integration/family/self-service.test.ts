import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { customerActor, SYSTEM_ACTOR } from "@/lib/auth/actor";
import { addDays, freezeClock, now, resetClock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { familyRequests, paymentItems, payments, subscriptions } from "@/lib/db/schema";
import { activateFamilyRequest } from "@/lib/family/activate-family-request";
import { addPaidFamilySeats } from "@/lib/family/add-paid-family-seats";
import { checkCustomizableFamilyPayment } from "@/lib/family/admin/check-customizable-family-payment";
import { createFamilySeatsPayment } from "@/lib/family/create-family-seats-payment";
import { generateFamilyRequests } from "@/lib/family/generate-family-requests";
import { leaveFamily } from "@/lib/family/leave-family";
import { listFamilyMemberships } from "@/lib/family/list-family-memberships";
import { listFamilySeatOffers } from "@/lib/family/list-family-seat-offers";
import { releaseFamilyChild } from "@/lib/family/release-family-child";
import { revokeFamilyCode } from "@/lib/family/revoke-family-code";
import { createPayment } from "@/lib/payments/create-payment";
import { DEMO_CARD_TOKENS, demoGateway } from "@/lib/payments/gateways/demo";
import { markPaymentPaid } from "@/lib/payments/mark-payment-paid";
import { payPayment } from "@/lib/payments/pay-payment";
import { applyDiscountCode } from "@/lib/referrals/discounts/apply-discount-code";
import { createDiscountCode } from "@/lib/referrals/discounts/create-discount-code";
import { stopSubscription } from "@/lib/subscriptions/stop-subscription";
import { openTestDatabase } from "../../support/test-database";
import {
  addFamilyType,
  createFamilyCustomer,
  createFamilyMaster,
  FAMILY_CHILD_CODE,
  FAMILY_COUNT,
  FAMILY_MASTER_CODE,
  seedFamilyCatalog,
  type FamilyCatalog,
} from "./family-kit";

/*
 * Issue 16 part 4 (REMP crm-family-module): a family purchase starts now unless a family master subscription runs;
 * a child leaves; the master revokes an unused code or buys extra seats; the admin's customizable family payment.
 */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let catalog: FamilyCatalog;
const db = (): Db => database.db;
const T0 = new Date("2026-06-01T10:00:00.000Z");

beforeAll(async () => {
  database = await openTestDatabase();
  catalog = await seedFamilyCatalog(database.db);
});
afterEach(() => resetClock());
afterAll(() => database.close());

const requestsOf = (masterSubscriptionId: number) =>
  db()
    .select()
    .from(familyRequests)
    .where(eq(familyRequests.masterSubscriptionId, masterSubscriptionId))
    .orderBy(asc(familyRequests.id));
const subscriptionById = async (id: number) =>
  (await db().select().from(subscriptions).where(eq(subscriptions.id, id)))[0]!;

/** A paid purchase of one item, the subscription it created. */
async function buy(userId: number, code: string) {
  const { payment } = await createPayment(db(), {
    userId,
    gateway: "demo",
    items: [{ subscriptionTypeCode: code }],
  });
  const { subscription } = await markPaymentPaid(db(), {
    paymentId: payment.id,
    actor: SYSTEM_ACTOR,
  });
  if (!subscription) throw new Error("no subscription");
  return subscription;
}

async function activated(code: string) {
  const friend = await createFamilyCustomer(db(), "friend");
  const result = await activateFamilyRequest(db(), { code, actor: customerActor(friend.user.id) });
  return { friend, ...result };
}

describe("the extension rule for family purchases", () => {
  it("starts a family plan now for a customer whose personal web subscription runs; a web renewal still waits", async () => {
    freezeClock(T0);
    const { user } = await createFamilyCustomer(db(), "reader");
    const personal = await buy(user.id, FAMILY_CHILD_CODE);
    const family = await buy(user.id, FAMILY_MASTER_CODE);
    expect(family.startAt).toEqual(T0);
    expect((await subscriptionById(personal.id)).nextSubscriptionId).toBeNull();
    // The start-after rule for everything else: another web subscription follows the running one.
    const renewal = await buy(user.id, FAMILY_CHILD_CODE);
    expect(renewal.startAt).toEqual(personal.endAt);
  });

  it("appends a family plan after the customer's running family master subscription (of any family type), linked to it", async () => {
    freezeClock(T0);
    const { masterCode } = await addFamilyType(db(), { donationMethod: "copy", count: 2 });
    const { user } = await createFamilyCustomer(db(), "family");
    const first = await buy(user.id, FAMILY_MASTER_CODE);
    freezeClock(addDays(T0, 30));
    const second = await buy(user.id, masterCode);
    expect(second.startAt).toEqual(first.endAt);
    expect((await subscriptionById(first.id)).nextSubscriptionId).toBe(second.id);
    // A third goes after the one ending last (the queued second), not after the running first.
    const third = await buy(user.id, FAMILY_MASTER_CODE);
    expect(third.startAt).toEqual(second.endAt);
  });

  it("starts now again once the customer's family master subscription has ended", async () => {
    freezeClock(T0);
    const { user } = await createFamilyCustomer(db(), "lapsed");
    const first = await buy(user.id, FAMILY_MASTER_CODE);
    freezeClock(addDays(first.endAt, 3));
    const again = await buy(user.id, FAMILY_MASTER_CODE);
    expect(again.startAt).toEqual(now());
  });

  it("does not count a child subscription as a family master subscription", async () => {
    freezeClock(T0);
    const master = await createFamilyMaster(db());
    const { friend } = await activated(master.requests[0]!.code);
    const own = await buy(friend.user.id, FAMILY_MASTER_CODE);
    expect(own.startAt).toEqual(T0);
  });
});

describe("a child leaves", () => {
  it("ends the child subscription now, cancels the request as `left` and gives the master a new code", async () => {
    freezeClock(T0);
    const master = await createFamilyMaster(db());
    const code = master.requests[0]!.code;
    const { friend, subscription } = await activated(code);
    expect(await listFamilyMemberships(db(), { childUserId: friend.user.id })).toEqual([
      expect.objectContaining({
        code,
        ownerLabel: master.user.name,
        planName: "Family web yearly",
        endAt: master.subscription.endAt,
      }),
    ]);
    freezeClock(addDays(T0, 10));

    const { canceled, replacement } = await leaveFamily(db(), {
      code,
      childUserId: friend.user.id,
    });

    expect(canceled).toMatchObject({ status: "canceled", cancelReason: "left", canceledAt: now() });
    expect((await subscriptionById(subscription.id)).endAt).toEqual(now());
    expect(replacement).toMatchObject({
      status: "created",
      replacesRequestId: canceled.id,
      masterSubscriptionId: master.subscription.id,
    });
    const live = (await requestsOf(master.subscription.id)).filter(
      (request) => request.status !== "canceled",
    );
    expect(live).toHaveLength(FAMILY_COUNT);
    expect(await listFamilyMemberships(db(), { childUserId: friend.user.id })).toEqual([]);
  });

  it("finds only the child's own membership: another user gets 404, leaving twice 409, an unused code 404", async () => {
    freezeClock(T0);
    const master = await createFamilyMaster(db());
    const { friend } = await activated(master.requests[0]!.code);
    const stranger = await createFamilyCustomer(db(), "stranger");
    await expect(
      leaveFamily(db(), { code: master.requests[0]!.code, childUserId: stranger.user.id }),
    ).rejects.toMatchObject({
      code: "family_request_not_found",
      status: 404,
    });
    await expect(
      leaveFamily(db(), { code: master.requests[0]!.code, childUserId: master.user.id }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      leaveFamily(db(), { code: master.requests[1]!.code, childUserId: friend.user.id }),
    ).rejects.toMatchObject({ status: 404 });
    await leaveFamily(db(), { code: master.requests[0]!.code, childUserId: friend.user.id });
    await expect(
      leaveFamily(db(), { code: master.requests[0]!.code, childUserId: friend.user.id }),
    ).rejects.toMatchObject({
      code: "family_request_wrong_status",
      status: 409,
    });
  });

  it("shows the master's masked email when the master has no name", async () => {
    freezeClock(T0);
    const master = await createFamilyMaster(db());
    await database.db.execute(`update users set name = null where id = ${master.user.id}`);
    const { friend } = await activated(master.requests[0]!.code);
    const [membership] = await listFamilyMemberships(db(), { childUserId: friend.user.id });
    expect(membership?.ownerLabel).toMatch(/^p•••.@example\.com$/);
    expect(membership?.ownerLabel).not.toBe(master.user.email);
  });
});

describe("cancel reasons of the other ways a request ends", () => {
  it("records `released` when the master releases and `stopped` when the child subscription is stopped", async () => {
    freezeClock(T0);
    const master = await createFamilyMaster(db());
    const first = await activated(master.requests[0]!.code);
    const second = await activated(master.requests[1]!.code);
    const released = await releaseFamilyChild(db(), {
      requestId: first.request.id,
      actor: customerActor(master.user.id),
    });
    expect(released.canceled.cancelReason).toBe("released");
    await stopSubscription(db(), { subscriptionId: second.subscription.id, actor: SYSTEM_ACTOR });
    const [stopped] = await db()
      .select()
      .from(familyRequests)
      .where(eq(familyRequests.id, second.request.id));
    expect(stopped).toMatchObject({ status: "canceled", cancelReason: "stopped" });
  });
});

describe("the master revokes an unused code", () => {
  it("cancels it as `revoked` and issues a new code, so the slot count holds", async () => {
    freezeClock(T0);
    const master = await createFamilyMaster(db());
    const code = master.requests[2]!.code;
    const { canceled, replacement } = await revokeFamilyCode(db(), {
      code: code.toUpperCase(),
      masterUserId: master.user.id,
    });
    expect(canceled).toMatchObject({ code, status: "canceled", cancelReason: "revoked" });
    expect(replacement).toMatchObject({
      status: "created",
      replacesRequestId: canceled.id,
      subscriptionTypeId: catalog.typeIds.web_yearly,
    });
    expect(
      (await requestsOf(master.subscription.id)).filter((request) => request.status === "created"),
    ).toHaveLength(FAMILY_COUNT);
    await expect(
      activateFamilyRequest(db(), {
        code,
        actor: customerActor((await createFamilyCustomer(db())).user.id),
      }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it("refuses another master's code (404), an unknown code (404), a used or canceled code (409) and an ended family (400)", async () => {
    freezeClock(T0);
    const master = await createFamilyMaster(db());
    const other = await createFamilyMaster(db());
    const revoke = (code: string, masterUserId = master.user.id) =>
      revokeFamilyCode(db(), { code, masterUserId });
    await expect(revoke(other.requests[0]!.code)).rejects.toMatchObject({
      code: "family_request_not_found",
      status: 404,
    });
    await expect(revoke("0".repeat(32))).rejects.toMatchObject({
      code: "family_request_not_found",
      status: 404,
    });
    await expect(revoke("not-a-code")).rejects.toMatchObject({ status: 404 });
    await activated(master.requests[0]!.code);
    await expect(revoke(master.requests[0]!.code)).rejects.toMatchObject({
      code: "family_request_wrong_status",
      status: 409,
    });
    await revoke(master.requests[1]!.code);
    await expect(revoke(master.requests[1]!.code)).rejects.toMatchObject({
      code: "family_request_wrong_status",
      status: 409,
    });
    freezeClock(addDays(master.subscription.endAt, 1));
    await expect(revoke(master.requests[2]!.code)).rejects.toMatchObject({
      code: "family_request_expired",
      status: 400,
    });
  });

  it("a revoke racing an activation of the same code: exactly one wins, every time", async () => {
    freezeClock(T0);
    for (let round = 0; round < 5; round++) {
      const master = await createFamilyMaster(db());
      const code = master.requests[0]!.code;
      const friend = await createFamilyCustomer(db(), "racer");
      const results = await Promise.allSettled([
        activateFamilyRequest(db(), { code, actor: customerActor(friend.user.id) }),
        revokeFamilyCode(db(), { code, masterUserId: master.user.id }),
      ]);
      const won = results.filter((result) => result.status === "fulfilled");
      const lost = results.filter((result) => result.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({
        code: "family_request_wrong_status",
        status: 409,
      });
      const [request] = await db()
        .select()
        .from(familyRequests)
        .where(eq(familyRequests.code, code));
      const [children] = await db()
        .select({ n: count() })
        .from(subscriptions)
        .where(and(eq(subscriptions.userId, friend.user.id), eq(subscriptions.kind, "family")));
      if (results[0].status === "fulfilled") {
        expect(request).toMatchObject({ status: "accepted", childUserId: friend.user.id });
        expect(children?.n).toBe(1);
      } else {
        expect(request).toMatchObject({ status: "canceled", cancelReason: "revoked" });
        expect(children?.n).toBe(0);
      }
    }
  });
});

describe("extra seats", () => {
  it("a dynamic family: priced per seat for the days left, paid at the checkout, added to the master subscription", async () => {
    freezeClock(T0);
    const { masterCode } = await addFamilyType(db(), { donationMethod: "copy", count: 0 });
    const master = await createFamilyMaster(db(), { typeCode: masterCode, count: 4 });
    expect(master.requests).toHaveLength(4);
    freezeClock(addDays(T0, 100));
    const [offer] = await listFamilySeatOffers(db(), { masterUserId: master.user.id });
    // 4 seats for 4 · 99.90 over 365 days; 265 days left: round(265 · 39960 / (365 · 4)) = round(7252.88) = 7253
    expect(offer).toMatchObject({ masterSubscriptionId: master.subscription.id, daysLeft: 265 });
    expect(offer?.seatTypes).toEqual([
      expect.objectContaining({ code: FAMILY_CHILD_CODE, unitPriceCents: 7253 }),
    ]);

    const payment = await createFamilySeatsPayment(db(), {
      masterUserId: master.user.id,
      count: 2,
    });
    expect(payment).toMatchObject({ status: "form", gateway: "demo", amountCents: 2 * 7253 });
    const paid = await payPayment(db(), {
      paymentId: payment.id,
      userId: master.user.id,
      cardToken: DEMO_CARD_TOKENS.succeeds,
    });
    expect(paid.status).toBe("paid");
    // Paying bought no subscription: the master still has one.
    expect(paid.status === "paid" && paid.subscription).toBeNull();
    expect(
      await db().select().from(subscriptions).where(eq(subscriptions.userId, master.user.id)),
    ).toHaveLength(1);

    const added = await addPaidFamilySeats(db(), { paymentId: payment.id });
    expect(added).toHaveLength(2);
    expect(
      added.every((request) => request.subscriptionTypeId === catalog.typeIds.web_yearly),
    ).toBe(true);
    // A replayed event, and the master's own generation run again, add nothing more.
    expect(await addPaidFamilySeats(db(), { paymentId: payment.id })).toEqual([]);
    expect(await generateFamilyRequests(db(), { subscriptionId: master.subscription.id })).toEqual(
      [],
    );
    expect(await requestsOf(master.subscription.id)).toHaveLength(6);
  });

  it("priced again at the checkout: fewer days left → the new price to confirm (409); the family ended → refused", async () => {
    freezeClock(T0);
    const { masterCode } = await addFamilyType(db(), { donationMethod: "copy", count: 0 });
    const master = await createFamilyMaster(db(), { typeCode: masterCode, count: 4 });
    freezeClock(addDays(T0, 100));
    const payment = await createFamilySeatsPayment(db(), {
      masterUserId: master.user.id,
      count: 2,
    });
    expect(payment.amountCents).toBe(2 * 7253); // 265 days left
    // The customer pays 65 days later: 200 days left, round(200 · 39960 / (365 · 4)) = round(5473.97) = 5474.
    freezeClock(addDays(T0, 165));
    const charge = vi.spyOn(demoGateway, "startPayment");
    const pay = () =>
      payPayment(db(), {
        paymentId: payment.id,
        userId: master.user.id,
        cardToken: DEMO_CARD_TOKENS.succeeds,
      });
    await expect(pay()).rejects.toMatchObject({ code: "payment_amount_changed", status: 409 });
    const [repriced] = await db().select().from(payments).where(eq(payments.id, payment.id));
    expect(repriced).toMatchObject({ status: "form", amountCents: 2 * 5474 });
    const [item] = await db()
      .select()
      .from(paymentItems)
      .where(eq(paymentItems.paymentId, payment.id));
    expect(item).toMatchObject({ amountCents: 5474, name: expect.stringContaining("(200 days)") });
    expect(charge).not.toHaveBeenCalled();

    // A 10% code applied now takes 10% of the new price; a later repricing keeps it at 10%.
    const code = await createDiscountCode(db(), {
      userId: master.user.id,
      kind: "percent",
      percentOff: 10,
    });
    await applyDiscountCode(db(), {
      userId: master.user.id,
      paymentId: payment.id,
      code: code.code,
    });
    freezeClock(addDays(T0, 265)); // 100 days left: round(100 · 39960 / (365 · 4)) = round(2736.99) = 2737
    await expect(pay()).rejects.toMatchObject({ code: "payment_amount_changed" });
    const [discounted] = await db().select().from(payments).where(eq(payments.id, payment.id));
    expect(discounted).toMatchObject({ amountCents: 2 * 2737 - 547 });
    expect(discounted!.meta).toMatchObject({
      discount_code: code.code,
      discount_cents: 547,
      amount_before_discount_cents: 2 * 2737,
    });

    // The family ends before the customer comes back: nothing to buy seats for.
    freezeClock(addDays(T0, 366));
    await expect(pay()).rejects.toMatchObject({ code: "family_seats_unavailable", status: 409 });
    expect(charge).not.toHaveBeenCalled();
    charge.mockRestore();
  });

  it("an unpaid seats payment adds nothing", async () => {
    freezeClock(T0);
    const { masterCode } = await addFamilyType(db(), { donationMethod: "copy", count: 0 });
    const master = await createFamilyMaster(db(), { typeCode: masterCode, count: 2 });
    const payment = await createFamilySeatsPayment(db(), {
      masterUserId: master.user.id,
      count: 3,
    });
    expect(await addPaidFamilySeats(db(), { paymentId: payment.id })).toEqual([]);
    expect(await generateFamilyRequests(db(), { subscriptionId: master.subscription.id })).toEqual(
      [],
    );
  });

  it("a customizable family: seats of a child type it has, at that type's price for its length", async () => {
    freezeClock(T0);
    const { masterCode } = await addFamilyType(db(), { donationMethod: "copy", count: 0 });
    // Make it customizable: no child type.
    const custom = await insertCustomizableType();
    const { user } = await createFamilyCustomer(db(), "custom");
    const { payment } = await createPayment(db(), {
      userId: user.id,
      gateway: "demo",
      items: [
        { subscriptionTypeCode: custom },
        { subscriptionTypeCode: "print_monthly", count: 2 },
        { subscriptionTypeCode: FAMILY_CHILD_CODE },
      ],
    });
    const { subscription } = await markPaymentPaid(db(), {
      paymentId: payment.id,
      actor: SYSTEM_ACTOR,
    });
    await generateFamilyRequests(db(), { subscriptionId: subscription!.id });
    freezeClock(addDays(T0, 5));
    const [offer] = await listFamilySeatOffers(db(), { masterUserId: user.id });
    // print_monthly: 9.90 for 31 days, 360 days left: round(360 · 990 / 31) = round(11496.77) = 11497
    expect(offer?.seatTypes).toEqual([
      expect.objectContaining({ code: "print_monthly", unitPriceCents: 11497 }),
      expect.objectContaining({
        code: FAMILY_CHILD_CODE,
        unitPriceCents: Math.round((360 * 4990) / 365),
      }),
    ]);
    await expect(
      createFamilySeatsPayment(db(), { masterUserId: user.id, count: 1 }),
    ).rejects.toMatchObject({
      code: "family_seat_type_required",
      status: 400,
    });
    await expect(
      createFamilySeatsPayment(db(), {
        masterUserId: user.id,
        count: 1,
        subscriptionTypeCode: masterCode,
      }),
    ).rejects.toMatchObject({
      code: "family_seat_type_invalid",
      status: 400,
    });
    const seats = await createFamilySeatsPayment(db(), {
      masterUserId: user.id,
      count: 3,
      subscriptionTypeCode: "print_monthly",
    });
    expect(seats.amountCents).toBe(3 * 11497);
    await payPayment(db(), {
      paymentId: seats.id,
      userId: user.id,
      cardToken: DEMO_CARD_TOKENS.succeeds,
    });
    const added = await addPaidFamilySeats(db(), { paymentId: seats.id });
    expect(added).toHaveLength(3);
    expect(
      added.every((request) => request.subscriptionTypeId === catalog.typeIds.print_monthly),
    ).toBe(true);
  });

  it("refuses a fixed-count family (409), counts outside 1–100, and another master's subscription (404)", async () => {
    freezeClock(T0);
    const fixed = await createFamilyMaster(db());
    await expect(
      createFamilySeatsPayment(db(), { masterUserId: fixed.user.id, count: 1 }),
    ).rejects.toMatchObject({
      code: "family_seats_unavailable",
      status: 409,
    });
    const { masterCode } = await addFamilyType(db(), { donationMethod: "copy", count: 0 });
    const dynamic = await createFamilyMaster(db(), { typeCode: masterCode, count: 2 });
    await expect(
      createFamilySeatsPayment(db(), { masterUserId: dynamic.user.id, count: 0 }),
    ).rejects.toThrow();
    await expect(
      createFamilySeatsPayment(db(), { masterUserId: dynamic.user.id, count: 101 }),
    ).rejects.toThrow();
    await expect(
      createFamilySeatsPayment(db(), {
        masterUserId: fixed.user.id,
        count: 1,
        masterSubscriptionId: dynamic.subscription.id,
      }),
    ).rejects.toMatchObject({ code: "family_subscription_not_found", status: 404 });
    const before = await db()
      .select({ n: count() })
      .from(payments)
      .where(eq(payments.userId, fixed.user.id));
    expect(before[0]?.n).toBe(1);
  });
});

/** A new master type (web) whose family type has no child type: the children's types come from the payment items. */
async function insertCustomizableType(): Promise<string> {
  const { masterCode, familyType } = await addFamilyType(db(), {
    donationMethod: "copy",
    count: 0,
  });
  await database.db.execute(
    `update family_subscription_types set slave_subscription_type_id = null where id = ${familyType.id}`,
  );
  return masterCode;
}

describe("the admin's customizable family payment", () => {
  it("needs one master item, at least one allowed child type, each counted 1–100; other payments pass", async () => {
    const custom = await insertCustomizableType();
    const check = (items: { subscriptionTypeCode: string; count: number }[]) =>
      checkCustomizableFamilyPayment(db(), items);
    await expect(
      check([
        { subscriptionTypeCode: custom, count: 1 },
        { subscriptionTypeCode: "print_monthly", count: 3 },
      ]),
    ).resolves.toBeUndefined();
    await expect(
      check([{ subscriptionTypeCode: FAMILY_CHILD_CODE, count: 5 }]),
    ).resolves.toBeUndefined();
    const refused = { code: "family_payment_items_invalid", status: 400 };
    await expect(check([{ subscriptionTypeCode: custom, count: 1 }])).rejects.toMatchObject(
      refused,
    );
    await expect(
      check([
        { subscriptionTypeCode: custom, count: 2 },
        { subscriptionTypeCode: "print_monthly", count: 1 },
      ]),
    ).rejects.toMatchObject(refused);
    await expect(
      check([
        { subscriptionTypeCode: custom, count: 1 },
        { subscriptionTypeCode: "print_monthly", count: 101 },
      ]),
    ).rejects.toMatchObject(refused);
    await expect(
      check([
        { subscriptionTypeCode: custom, count: 1 },
        { subscriptionTypeCode: FAMILY_MASTER_CODE, count: 1 },
      ]),
    ).rejects.toMatchObject(refused);
    await expect(
      check([
        { subscriptionTypeCode: custom, count: 1 },
        { subscriptionTypeCode: "print_monthly", count: 1 },
        { subscriptionTypeCode: "print_monthly", count: 2 },
      ]),
    ).rejects.toMatchObject(refused);
  });

  it("a payment of the master and child items, paid, issues one code per unit of each child type", async () => {
    freezeClock(T0);
    const custom = await insertCustomizableType();
    const { user } = await createFamilyCustomer(db(), "admin-made");
    const items = [
      { subscriptionTypeCode: custom, count: 1, amountCents: 1500 },
      { subscriptionTypeCode: "print_monthly", count: 2, amountCents: 500 },
      { subscriptionTypeCode: FAMILY_CHILD_CODE, count: 1 },
    ];
    await checkCustomizableFamilyPayment(db(), items);
    const purchase = await buyFamilyItems(user.id, items);
    expect(purchase.payment.amountCents).toBe(1500 + 2 * 500 + 4990);
    const byType = new Map<number, number>();
    for (const request of purchase.requests)
      byType.set(request.subscriptionTypeId, (byType.get(request.subscriptionTypeId) ?? 0) + 1);
    expect(Object.fromEntries(byType)).toEqual({
      [catalog.typeIds.print_monthly]: 2,
      [catalog.typeIds.web_yearly]: 1,
    });
  });
});

async function buyFamilyItems(
  userId: number,
  items: { subscriptionTypeCode: string; count: number; amountCents?: number }[],
) {
  const { payment } = await createPayment(db(), { userId, gateway: "manual", items });
  const { subscription } = await markPaymentPaid(db(), {
    paymentId: payment.id,
    actor: SYSTEM_ACTOR,
  });
  await generateFamilyRequests(db(), { subscriptionId: subscription!.id });
  return { payment, requests: await requestsOf(subscription!.id) };
}
