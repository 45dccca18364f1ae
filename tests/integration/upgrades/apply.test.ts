import { and, asc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { DAY_MS, advanceClock, freezeClock, now, resetClock } from "@/lib/clock";
import {
  events,
  payments,
  recurrentPayments,
  subscriptions,
  subscriptionTypes,
  subscriptionUpgrades,
  upgradeSchemas,
} from "@/lib/db/schema";
import { chargeRecurrentPayment } from "@/lib/recurrent-payments/charge-recurrent-payment";
import { markPaymentPaid } from "@/lib/payments/mark-payment-paid";
import { setSetting } from "@/lib/settings";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { applyUpgrade } from "@/lib/upgrades/apply-upgrade";
import { listUpgradeOffers } from "@/lib/upgrades/list-upgrade-offers";
import { refreshUpgradePayment } from "@/lib/upgrades/refresh-upgrade-payment";
import { openTestDatabase } from "../../support/test-database";
import {
  buySubscription,
  createCustomer,
  createUpgradeSchema,
  seedUpgradeCatalog,
  type CatalogCode,
} from "./upgrade-kit";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
let typeIds: Record<CatalogCode, number>;

const T0 = new Date("2026-05-01T08:00:00Z");

beforeAll(async () => {
  database = await openTestDatabase();
  typeIds = await seedUpgradeCatalog(db());
});
afterEach(async () => {
  resetClock();
  await setSetting(db(), "upgrades.subsequent_upgrades", false);
  await db().delete(upgradeSchemas);
});
afterAll(() => database.close());

const PRINT = { require_content: ["print"] };
const everyMethod = (config: { require_content: string[]; monthly_fix?: number } = PRINT) =>
  (["paid_recurrent", "free_recurrent", "paid_extend", "short"] as const).map((type) => ({
    type,
    config,
  }));

/** A customer who bought `typeCode` at T0, with the clock then moved `daysLater` on. */
async function customerWith(
  typeCode: CatalogCode,
  options: { cardToken?: string; daysLater?: number } = {},
) {
  freezeClock(T0);
  const { user } = await createCustomer(db());
  const bought = await buySubscription(db(), {
    userId: user.id,
    typeCode,
    cardToken: options.cardToken,
  });
  freezeClock(new Date(T0.getTime() + (options.daysLater ?? 1) * DAY_MS));
  return { user, ...bought };
}

const subscriptionsOf = (userId: number) =>
  db()
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.userId, userId))
    .orderBy(asc(subscriptions.id));
const upgradesOf = (userId: number) =>
  db().select().from(subscriptionUpgrades).where(eq(subscriptionUpgrades.userId, userId));
const eventsOf = (userId: number, name: string) =>
  db()
    .select()
    .from(events)
    .where(and(eq(events.userId, userId), eq(events.name, name)));

describe("short", () => {
  it("a yearly web subscription with 364 days left buys ceil(364 days · 4990/12900) of web + print", async () => {
    await createUpgradeSchema(db(), {
      name: "Web",
      linkTypeCodes: ["web_yearly"],
      options: everyMethod(),
    });
    const { user, subscription: base } = await customerWith("web_yearly");
    const { offers, base: offeredBase } = await listUpgradeOffers(db(), { userId: user.id });
    expect(offeredBase?.subscriptionId).toBe(base.id);
    expect(offers.map((offer) => `${offer.type}:${offer.target.code}`)).toEqual([
      "short:web_print_yearly",
    ]);

    const seconds = Math.ceil((364 * 86_400 * 4990) / 12900);
    const applied = await applyUpgrade(db(), {
      userId: user.id,
      type: "short",
      targetCode: "web_print_yearly",
      idempotencyKey: "k1",
    });
    expect(applied.replayed).toBe(false);
    expect(applied.subscription).toMatchObject({
      kind: "upgrade",
      subscriptionTypeId: typeIds.web_print_yearly,
      startAt: now(),
      endAt: new Date(now().getTime() + seconds * 1000),
      paymentId: base.paymentId,
      isPaid: true,
    });
    const [endedBase] = await db()
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, base.id));
    expect(endedBase?.endAt).toEqual(now());
    expect(endedBase?.nextSubscriptionId).toBe(applied.subscription?.id);
    expect(applied.upgrade).toMatchObject({
      type: "short",
      status: "completed",
      chargeCents: 0,
      baseSubscriptionId: base.id,
    });
    const [event] = await eventsOf(user.id, "upgrade.completed");
    expect(event?.payload).toMatchObject({
      type: "short",
      subscription_id: applied.subscription?.id,
      subscription_type_code: "web_print_yearly",
    });

    // The base has ended and the upgrade itself is not a base.
    expect(await listUpgradeOffers(db(), { userId: user.id })).toMatchObject({
      offers: [],
      reason: "already_upgraded",
    });
  });

  it("subsequent upgrades (on) shorten the following subscription of the base type and place it after the upgrade", async () => {
    await setSetting(db(), "upgrades.subsequent_upgrades", true);
    await createUpgradeSchema(db(), {
      name: "Web",
      linkTypeCodes: ["web_yearly"],
      options: everyMethod(),
    });
    const { user, subscription: base } = await customerWith("web_yearly");
    freezeClock(T0);
    const { subscription: follower } = await buySubscription(db(), {
      userId: user.id,
      typeCode: "web_yearly",
    });
    expect(follower.startAt).toEqual(base.endAt);
    freezeClock(new Date(T0.getTime() + DAY_MS));

    const applied = await applyUpgrade(db(), {
      userId: user.id,
      type: "short",
      targetCode: "web_print_yearly",
      idempotencyKey: "k",
    });
    const rows = await subscriptionsOf(user.id);
    const [, oldFollower, , shortened] = rows;
    expect(oldFollower?.endAt).toEqual(oldFollower?.startAt);
    const followerSeconds = Math.ceil((365 * 86_400 * 4990) / 12900);
    expect(shortened).toMatchObject({
      kind: "upgrade",
      subscriptionTypeId: typeIds.web_print_yearly,
      startAt: applied.subscription?.endAt,
    });
    expect(shortened?.endAt.getTime()).toBe(
      (applied.subscription?.endAt.getTime() ?? 0) + followerSeconds * 1000,
    );
    const upgrades = await upgradesOf(user.id);
    expect(upgrades.find((row) => row.parentUpgradeId === applied.upgrade.id)).toMatchObject({
      baseSubscriptionId: follower.id,
      type: "short",
    });
  });

  it("subsequent upgrades off leave the following subscription alone", async () => {
    await createUpgradeSchema(db(), {
      name: "Web",
      linkTypeCodes: ["web_yearly"],
      options: everyMethod(),
    });
    const { user } = await customerWith("web_yearly");
    freezeClock(T0);
    const { subscription: follower } = await buySubscription(db(), {
      userId: user.id,
      typeCode: "web_yearly",
    });
    freezeClock(new Date(T0.getTime() + DAY_MS));
    await applyUpgrade(db(), {
      userId: user.id,
      type: "short",
      targetCode: "web_print_yearly",
      idempotencyKey: "k",
    });
    const [after] = await db()
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, follower.id));
    expect(after).toMatchObject({
      startAt: follower.startAt,
      endAt: follower.endAt,
      subscriptionTypeId: typeIds.web_yearly,
    });
  });
});

describe("paid_recurrent", () => {
  it("charges the stored card round(30·1290/31) − round(30·499/31) = 7.65 and renews into the target", async () => {
    await createUpgradeSchema(db(), {
      name: "Web",
      linkTypeCodes: ["web_monthly"],
      options: everyMethod(),
    });
    const {
      user,
      subscription: base,
      recurrentPayment,
    } = await customerWith("web_monthly", { cardToken: "tok_visa" });
    const { offers } = await listUpgradeOffers(db(), { userId: user.id });
    expect(offers).toHaveLength(1);
    expect(offers[0]).toMatchObject({
      type: "paid_recurrent",
      chargeCents: 765,
      creditCents: 483,
      recurrentPriceCents: 1290,
    });

    const applied = await applyUpgrade(db(), {
      userId: user.id,
      type: "paid_recurrent",
      targetCode: "web_print_monthly",
      idempotencyKey: "buy-1",
      expectedChargeCents: 765,
    });
    expect(applied.payment).toMatchObject({
      status: "paid",
      amountCents: 765,
      upgradeType: "paid_recurrent",
      gateway: "demo",
    });
    expect(applied.subscription).toMatchObject({
      startAt: now(),
      endAt: base.endAt,
      kind: "upgrade",
      paymentId: applied.payment?.id,
    });
    const [recurrent] = await db()
      .select()
      .from(recurrentPayments)
      .where(eq(recurrentPayments.id, recurrentPayment?.id ?? 0));
    expect(recurrent).toMatchObject({
      subscriptionTypeId: typeIds.web_print_monthly,
      customAmountCents: null,
      state: "active",
      chargeAt: base.endAt,
    });
    expect(
      (await eventsOf(user.id, "payment.paid")).some(
        (event) => event.payload.upgrade_type === "paid_recurrent",
      ),
    ).toBe(true);

    // The next renewal charges the target's price and continues from the upgraded subscription.
    freezeClock(base.endAt);
    const renewal = await chargeRecurrentPayment(db(), { recurrentPaymentId: recurrent?.id ?? 0 });
    expect(renewal).toMatchObject({ status: "charged", payment: { amountCents: 1290 } });
    if (renewal.status !== "charged") throw new Error("not charged");
    expect(renewal.subscription).toMatchObject({
      subscriptionTypeId: typeIds.web_print_monthly,
      startAt: base.endAt,
    });
  });

  it("with monthly_fix the renewal keeps the fixed price", async () => {
    await createUpgradeSchema(db(), {
      name: "Fix",
      linkTypeCodes: ["web_monthly"],
      options: [{ type: "paid_recurrent", config: { ...PRINT, monthly_fix: 300 } }],
    });
    const { user, recurrentPayment } = await customerWith("web_monthly", { cardToken: "tok_visa" });
    // (499 + 300) per 31 days: round(30·799/31) = 773, credit 483
    const applied = await applyUpgrade(db(), {
      userId: user.id,
      type: "paid_recurrent",
      targetCode: "web_print_monthly",
      idempotencyKey: "f",
    });
    expect(applied.upgrade.chargeCents).toBe(290);
    const [recurrent] = await db()
      .select()
      .from(recurrentPayments)
      .where(eq(recurrentPayments.id, recurrentPayment?.id ?? 0));
    expect(recurrent?.customAmountCents).toBe(799);
  });

  it("a declined card says so and changes nothing but the failed payment", async () => {
    await createUpgradeSchema(db(), {
      name: "Web",
      linkTypeCodes: ["web_monthly"],
      options: everyMethod(),
    });
    const { user, recurrentPayment } = await customerWith("web_monthly", {
      cardToken: "tok_declined",
    });
    const before = await subscriptionsOf(user.id);
    await expect(
      applyUpgrade(db(), {
        userId: user.id,
        type: "paid_recurrent",
        targetCode: "web_print_monthly",
        idempotencyKey: "d",
      }),
    ).rejects.toMatchObject({ code: "payment_declined", status: 402 });
    expect(await subscriptionsOf(user.id)).toEqual(before);
    expect(await upgradesOf(user.id)).toEqual([]);
    const [recurrent] = await db()
      .select()
      .from(recurrentPayments)
      .where(eq(recurrentPayments.id, recurrentPayment?.id ?? 0));
    expect(recurrent).toEqual(recurrentPayment);
    const failed = await db()
      .select()
      .from(payments)
      .where(and(eq(payments.userId, user.id), eq(payments.status, "fail")));
    expect(failed).toHaveLength(1);
    expect(await eventsOf(user.id, "upgrade.completed")).toEqual([]);
  });

  it("is idempotent on the client's key, and a key reused for another upgrade is refused", async () => {
    await createUpgradeSchema(db(), {
      name: "Web",
      linkTypeCodes: ["web_monthly"],
      options: everyMethod(),
    });
    const { user } = await customerWith("web_monthly", { cardToken: "tok_visa" });
    const request = {
      userId: user.id,
      type: "paid_recurrent" as const,
      targetCode: "web_print_monthly",
      idempotencyKey: "same",
    };
    const first = await applyUpgrade(db(), request);
    const second = await applyUpgrade(db(), request);
    expect(second).toMatchObject({
      replayed: true,
      upgrade: { id: first.upgrade.id },
      subscription: { id: first.subscription?.id },
    });
    expect(await upgradesOf(user.id)).toHaveLength(1);
    await expect(applyUpgrade(db(), { ...request, type: "short" })).rejects.toMatchObject({
      code: "idempotency_key_reused",
    });
    const charged = await db()
      .select()
      .from(payments)
      .where(and(eq(payments.userId, user.id), eq(payments.upgradeType, "paid_recurrent")));
    expect(charged).toHaveLength(1);
  });

  it("two concurrent applies of one offer perform one upgrade", async () => {
    await createUpgradeSchema(db(), {
      name: "Web",
      linkTypeCodes: ["web_monthly"],
      options: everyMethod(),
    });
    const { user } = await customerWith("web_monthly", { cardToken: "tok_visa" });
    const request = {
      userId: user.id,
      type: "paid_recurrent" as const,
      targetCode: "web_print_monthly",
    };
    // A double submit (one key) and a second tab (another key), all at once.
    const results = await Promise.allSettled([
      applyUpgrade(db(), { ...request, idempotencyKey: "double-submit" }),
      applyUpgrade(db(), { ...request, idempotencyKey: "double-submit" }),
      applyUpgrade(db(), { ...request, idempotencyKey: "second-tab" }),
    ]);
    const fulfilled = results.flatMap((result) =>
      result.status === "fulfilled" ? [result.value] : [],
    );
    const rejected = results.flatMap((result) =>
      result.status === "rejected" ? [result.reason] : [],
    );
    expect(new Set(fulfilled.map((applied) => applied.upgrade.id)).size).toBe(1);
    expect(fulfilled.filter((applied) => !applied.replayed)).toHaveLength(1);
    // The second tab is refused while the first charge is in flight, or finds the base upgraded once it is settled.
    for (const reason of rejected)
      expect(["upgrade_in_progress", "upgrade_not_available"]).toContain(reason.code);
    expect(await upgradesOf(user.id)).toHaveLength(1);
    const charged = await db()
      .select()
      .from(payments)
      .where(and(eq(payments.userId, user.id), eq(payments.upgradeType, "paid_recurrent")));
    expect(charged).toHaveLength(1);
  });

  it("recomputes at apply time: an offer seen before midnight is not applied with its old price", async () => {
    await createUpgradeSchema(db(), {
      name: "Web",
      linkTypeCodes: ["web_monthly"],
      options: everyMethod(),
    });
    // Bought at 08:00; at 07:59 the next day 30 whole days are left, at 08:01 only 29.
    const { user } = await customerWith("web_monthly", {
      cardToken: "tok_visa",
      daysLater: 1 - 1 / 1440,
    });
    const [seen] = (await listUpgradeOffers(db(), { userId: user.id })).offers;
    expect(seen?.chargeCents).toBe(765);
    advanceClock(2 * 60_000);
    const request = {
      userId: user.id,
      type: "paid_recurrent" as const,
      targetCode: "web_print_monthly",
      idempotencyKey: "late",
    };
    await expect(
      applyUpgrade(db(), { ...request, expectedChargeCents: 765 }),
    ).rejects.toMatchObject({
      code: "upgrade_offer_changed",
      details: { offer: { chargeCents: 1207 - 467 } },
    });
    expect(await upgradesOf(user.id)).toEqual([]);
    const applied = await applyUpgrade(db(), request);
    expect(applied.upgrade.chargeCents).toBe(1207 - 467);
  });
});

describe("free_recurrent", () => {
  it("under 5 days left the upgrade is free and the next renewal charges the target price", async () => {
    await createUpgradeSchema(db(), {
      name: "Web",
      linkTypeCodes: ["web_monthly"],
      options: everyMethod(),
    });
    const {
      user,
      subscription: base,
      recurrentPayment,
    } = await customerWith("web_monthly", { cardToken: "tok_visa", daysLater: 27 });
    const { offers } = await listUpgradeOffers(db(), { userId: user.id });
    expect(offers.map((offer) => offer.type)).toEqual(["free_recurrent"]);
    const applied = await applyUpgrade(db(), {
      userId: user.id,
      type: "free_recurrent",
      targetCode: "web_print_monthly",
      idempotencyKey: "f",
    });
    expect(applied).toMatchObject({
      payment: null,
      upgrade: { chargeCents: 0 },
      subscription: { endAt: base.endAt },
    });
    freezeClock(base.endAt);
    const renewal = await chargeRecurrentPayment(db(), {
      recurrentPaymentId: recurrentPayment?.id ?? 0,
    });
    expect(renewal).toMatchObject({ status: "charged", payment: { amountCents: 1290 } });
  });
});

describe("paid_extend", () => {
  it("10 days left on a monthly: the customer pays 12.90 − 1.61 and gets a full month from payment; what followed moves after it", async () => {
    await createUpgradeSchema(db(), {
      name: "Web",
      linkTypeCodes: ["web_monthly"],
      options: everyMethod(),
    });
    // 10 days and 2 hours left: R = 10 for the next two hours.
    const daysLater = 21 - 2 / 24;
    const { user, subscription: base } = await customerWith("web_monthly", { daysLater });
    freezeClock(T0);
    const { subscription: follower } = await buySubscription(db(), {
      userId: user.id,
      typeCode: "web_monthly",
    });
    freezeClock(new Date(T0.getTime() + daysLater * DAY_MS));

    const { offers } = await listUpgradeOffers(db(), { userId: user.id });
    expect(offers.map((offer) => `${offer.type}:${offer.chargeCents}`)).toEqual([
      "paid_extend:1129",
    ]);
    const applied = await applyUpgrade(db(), {
      userId: user.id,
      type: "paid_extend",
      targetCode: "web_print_monthly",
      idempotencyKey: "e",
    });
    expect(applied).toMatchObject({
      subscription: null,
      upgrade: { status: "pending" },
      payment: { status: "form", amountCents: 1129 },
    });
    // Nothing changes until the payment is paid.
    const [untouched] = await db()
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, base.id));
    expect(untouched?.endAt).toEqual(base.endAt);

    advanceClock(3_600_000);
    await refreshUpgradePayment(db(), { paymentId: applied.payment?.id ?? 0, userId: user.id });
    const paid = await markPaymentPaid(db(), {
      paymentId: applied.payment?.id ?? 0,
      actor: SYSTEM_ACTOR,
    });
    const newEnd = new Date(now().getTime() + 31 * DAY_MS);
    expect(paid.subscription).toMatchObject({
      kind: "upgrade",
      subscriptionTypeId: typeIds.web_print_monthly,
      startAt: now(),
      endAt: newEnd,
    });
    const [endedBase] = await db()
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, base.id));
    expect(endedBase?.endAt).toEqual(now());
    const [moved] = await db()
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, follower.id));
    expect(moved?.startAt).toEqual(newEnd);
    expect(moved?.endAt).toEqual(new Date(newEnd.getTime() + 31 * DAY_MS));
    const [upgrade] = await upgradesOf(user.id);
    expect(upgrade).toMatchObject({
      status: "completed",
      upgradedSubscriptionId: paid.subscription?.id,
    });
    expect(await eventsOf(user.id, "upgrade.completed")).toHaveLength(1);

    // Paying again completes nothing twice.
    const again = await markPaymentPaid(db(), {
      paymentId: applied.payment?.id ?? 0,
      actor: SYSTEM_ACTOR,
    });
    expect(again.alreadyPaid).toBe(true);
    expect(await eventsOf(user.id, "upgrade.completed")).toHaveLength(1);
  });

  it("a checkout a day later is re-priced before the charge", async () => {
    await createUpgradeSchema(db(), {
      name: "Web",
      linkTypeCodes: ["web_monthly"],
      options: everyMethod(),
    });
    const { user } = await customerWith("web_monthly", { daysLater: 21 });
    const applied = await applyUpgrade(db(), {
      userId: user.id,
      type: "paid_extend",
      targetCode: "web_print_monthly",
      idempotencyKey: "e",
    });
    advanceClock(DAY_MS);
    const paymentId = applied.payment?.id ?? 0;
    await expect(refreshUpgradePayment(db(), { paymentId, userId: user.id })).rejects.toMatchObject(
      { code: "upgrade_offer_changed" },
    );
    // 9 days left: 1290 − round(9·499/31) = 1290 − 145
    const [payment] = await db().select().from(payments).where(eq(payments.id, paymentId));
    expect(payment?.amountCents).toBe(1145);
    await expect(
      refreshUpgradePayment(db(), { paymentId, userId: user.id }),
    ).resolves.toBeUndefined();
  });
});

describe("what is offered to whom", () => {
  it("says why nothing is offered: no subscription, no payment, no schema", async () => {
    freezeClock(T0);
    const { user } = await createCustomer(db());
    expect(await listUpgradeOffers(db(), { userId: user.id })).toMatchObject({
      reason: "no_subscription",
      base: null,
    });
    await createSubscription(db(), { userId: user.id, subscriptionTypeId: typeIds.web_monthly });
    expect(await listUpgradeOffers(db(), { userId: user.id })).toMatchObject({
      reason: "no_payment",
    });
    const { user: buyer } = await createCustomer(db());
    await buySubscription(db(), { userId: buyer.id, typeCode: "web_yearly" });
    expect(await listUpgradeOffers(db(), { userId: buyer.id })).toMatchObject({
      reason: "no_schema",
    });
    await expect(
      applyUpgrade(db(), {
        userId: buyer.id,
        type: "short",
        targetCode: "web_print_yearly",
        idempotencyKey: "x",
      }),
    ).rejects.toMatchObject({ code: "upgrade_not_available", status: 409 });
  });

  it("no default target type offers nothing (no_offer)", async () => {
    await db()
      .update(subscriptionTypes)
      .set({ isDefault: false })
      .where(eq(subscriptionTypes.id, typeIds.web_print_yearly));
    try {
      await createUpgradeSchema(db(), {
        name: "Web",
        linkTypeCodes: ["web_yearly"],
        options: everyMethod(),
      });
      const { user } = await customerWith("web_yearly");
      expect(await listUpgradeOffers(db(), { userId: user.id })).toMatchObject({
        offers: [],
        reason: "no_offer",
      });
    } finally {
      await db()
        .update(subscriptionTypes)
        .set({ isDefault: true })
        .where(eq(subscriptionTypes.id, typeIds.web_print_yearly));
    }
  });

  it("tags and explicit targets reach the engine from the database", async () => {
    await createUpgradeSchema(db(), {
      name: "Tagged",
      linkTypeCodes: ["web_yearly"],
      options: [
        { type: "short", config: { ...PRINT, require_tags: ["winter"] } },
        { type: "short", config: { require_content: ["club"] }, targetCode: "web_print_yearly" },
      ],
    });
    const { user } = await customerWith("web_yearly");
    const untagged = await listUpgradeOffers(db(), { userId: user.id });
    expect(
      untagged.offers.map((offer) => `${offer.type}:${offer.target.code}:${offer.optionId}`),
    ).toHaveLength(1);
    const tagged = await listUpgradeOffers(db(), { userId: user.id, tags: ["winter"] });
    expect(tagged.offers).toHaveLength(1);
    expect(tagged.offers[0]?.optionId).not.toBe(untagged.offers[0]?.optionId);
    expect(await listUpgradeOffers(db(), { userId: user.id, tags: ["summer"] })).toMatchObject({
      offers: [],
      reason: "no_offer",
    });
    expect(
      (await listUpgradeOffers(db(), { userId: user.id, content: "print" })).offers,
    ).toHaveLength(1);
    expect(
      (await listUpgradeOffers(db(), { userId: user.id, content: "club" })).offers,
    ).toHaveLength(0);
  });

  it("refuses malformed input before anything is read", async () => {
    await expect(
      applyUpgrade(db(), {
        userId: 1,
        type: "bogus" as "short",
        targetCode: "x",
        idempotencyKey: "k",
      }),
    ).rejects.toMatchObject({ code: "upgrade_invalid", status: 400 });
    await expect(
      applyUpgrade(db(), {
        userId: 1,
        type: "short",
        targetCode: "x",
        idempotencyKey: "has space",
      }),
    ).rejects.toMatchObject({ code: "upgrade_invalid" });
  });
});
