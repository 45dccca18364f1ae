import { and, asc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { DAY_MS, addDays, freezeClock, now, resetClock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import {
  payments,
  subscriptions,
  subscriptionUpgrades,
  upgradeOptions,
  upgradeSchemas,
} from "@/lib/db/schema";
import { demoGateway } from "@/lib/payments/gateways/demo";
import { markPaymentPaid } from "@/lib/payments/mark-payment-paid";
import { payPayment } from "@/lib/payments/pay-payment";
import { saveSubscriptionType } from "@/lib/subscriptions/save-subscription-type";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { applyUpgrade } from "@/lib/upgrades/apply-upgrade";
import type { LoadedUpgradeContext } from "@/lib/upgrades/load-upgrade-context";
import { upgradeOptionConfigSchema } from "@/lib/upgrades/option-config";
import { openTestDatabase } from "../../support/test-database";
import {
  buySubscription,
  createCustomer,
  createUpgradeSchema,
  seedUpgradeCatalog,
  type CatalogCode,
} from "./upgrade-kit";

/*
 * Completing upgrades safely: a pending paid_extend is re-priced with its own option, two payments for one base
 * charge once, completing never moves the upgrade itself or other types, a paid_recurrent never charges for a base
 * that changed, and an upgrade charge is never turned into a subscription by hand.
 *
 * Two hooks stand in for another request landing at the worst moment: right after the checkout's re-check
 * (refreshUpgradePayment), and right after applyUpgrade read its context (in its transaction). Both pass through
 * unless a test sets them.
 */
const hooks = vi.hoisted(() => ({
  afterRefresh: null as null | ((paymentId: number) => Promise<void>),
  afterContext: null as null | ((tx: unknown, loaded: unknown) => Promise<void>),
}));

vi.mock("@/lib/upgrades/refresh-upgrade-payment", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/upgrades/refresh-upgrade-payment")>();
  return {
    ...actual,
    refreshUpgradePayment: async (...args: Parameters<typeof actual.refreshUpgradePayment>) => {
      await actual.refreshUpgradePayment(...args);
      await hooks.afterRefresh?.(args[1].paymentId);
    },
  };
});

vi.mock("@/lib/upgrades/load-upgrade-context", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/upgrades/load-upgrade-context")>();
  return {
    ...actual,
    loadUpgradeContext: async (...args: Parameters<typeof actual.loadUpgradeContext>) => {
      const loaded = await actual.loadUpgradeContext(...args);
      await hooks.afterContext?.(args[0], loaded);
      return loaded;
    },
  };
});

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = (): Db => database.db;
let typeIds: Record<CatalogCode, number>;
let clubTypeId: number;

const T0 = new Date("2026-05-01T08:00:00Z");
const PRINT = { require_content: ["print"] };

beforeAll(async () => {
  database = await openTestDatabase();
  typeIds = await seedUpgradeCatalog(db());
  const club = await saveSubscriptionType(db(), {
    code: "club_monthly",
    name: "Club monthly",
    lengthDays: 31,
    priceCents: 300,
    contentAccessCodes: ["club"],
    isDefault: false,
  });
  clubTypeId = club.id;
});
afterEach(async () => {
  hooks.afterRefresh = null;
  hooks.afterContext = null;
  vi.restoreAllMocks();
  resetClock();
  await db().delete(upgradeSchemas);
});
afterAll(() => database.close());

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

async function pendingExtend(userId: number, idempotencyKey: string, tags: string[] = []) {
  const applied = await applyUpgrade(db(), {
    userId,
    type: "paid_extend",
    targetCode: "web_print_monthly",
    idempotencyKey,
    tags,
  });
  if (!applied.payment) throw new Error("paid_extend made no payment");
  return applied;
}

const subscriptionsOf = (userId: number) =>
  db()
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.userId, userId))
    .orderBy(asc(subscriptions.id));
const paymentRow = async (id: number) =>
  (await db().select().from(payments).where(eq(payments.id, id)))[0];
const subscriptionRow = async (id: number) =>
  (await db().select().from(subscriptions).where(eq(subscriptions.id, id)))[0];

describe("a pending paid_extend is re-checked with the option it was bought through", () => {
  it("an option that requires tags stays payable at checkout", async () => {
    await createUpgradeSchema(db(), {
      name: "Promo",
      linkTypeCodes: ["web_monthly"],
      options: [{ type: "paid_extend", config: { ...PRINT, require_tags: ["promo"] } }],
    });
    const { user } = await customerWith("web_monthly", { daysLater: 21 });
    const { payment, upgrade } = await pendingExtend(user.id, "tagged", ["promo"]);
    const paid = await payPayment(db(), {
      paymentId: payment!.id,
      userId: user.id,
      cardToken: "tok_visa",
    });
    expect(paid.payment).toMatchObject({ status: "paid", amountCents: payment!.amountCents });
    expect(paid).toMatchObject({
      status: "paid",
      subscription: { kind: "upgrade", subscriptionTypeId: typeIds.web_print_monthly },
    });
    const [completed] = await db()
      .select()
      .from(subscriptionUpgrades)
      .where(eq(subscriptionUpgrades.id, upgrade.id));
    expect(completed?.status).toBe("completed");
  });

  it("an untagged option with another monthly_fix does not re-price it", async () => {
    await createUpgradeSchema(db(), {
      name: "Promo and plain",
      linkTypeCodes: ["web_monthly"],
      options: [
        { type: "paid_extend", config: { ...PRINT, require_tags: ["promo"] } },
        { type: "paid_extend", config: { ...PRINT, monthly_fix: 1000 } },
      ],
    });
    const { user } = await customerWith("web_monthly", { daysLater: 21 });
    const { payment } = await pendingExtend(user.id, "tagged-fix", ["promo"]);
    const paid = await payPayment(db(), {
      paymentId: payment!.id,
      userId: user.id,
      cardToken: "tok_visa",
    });
    expect(paid.payment).toMatchObject({ status: "paid", amountCents: payment!.amountCents });
  });

  it("prefers its own option over one added later that would charge more", async () => {
    const { schema, options } = await createUpgradeSchema(db(), {
      name: "Plain",
      linkTypeCodes: ["web_monthly"],
      options: [{ type: "paid_extend", config: PRINT }],
    });
    const { user } = await customerWith("web_monthly", { daysLater: 21 });
    const { payment, upgrade } = await pendingExtend(user.id, "own-option");
    expect(upgrade.upgradeOptionId).toBe(options[0]?.id);
    await db()
      .insert(upgradeOptions)
      .values({
        upgradeSchemaId: schema.id,
        type: "paid_extend",
        config: upgradeOptionConfigSchema.parse({ ...PRINT, monthly_fix: 1000 }),
      });
    const paid = await payPayment(db(), {
      paymentId: payment!.id,
      userId: user.id,
      cardToken: "tok_visa",
    });
    expect(paid.payment).toMatchObject({ status: "paid", amountCents: payment!.amountCents });
  });
});

describe("paying two pending paid_extend upgrades of one base", () => {
  it("charges once: the second finds the base ended by the first after its re-check passed", async () => {
    await createUpgradeSchema(db(), {
      name: "Extend",
      linkTypeCodes: ["web_monthly"],
      options: [{ type: "paid_extend", config: PRINT }],
    });
    const { user } = await customerWith("web_monthly", { daysLater: 21 });
    const first = await pendingExtend(user.id, "tab-1");
    const second = await pendingExtend(user.id, "tab-2");
    const charge = vi.spyOn(demoGateway, "startPayment");

    // The second tab's re-check passes, then the first tab pays before the second reaches its charge.
    hooks.afterRefresh = async (paymentId) => {
      if (paymentId !== second.payment!.id) return;
      hooks.afterRefresh = null;
      await payPayment(db(), {
        paymentId: first.payment!.id,
        userId: user.id,
        cardToken: "tok_visa",
      });
    };
    await expect(
      payPayment(db(), { paymentId: second.payment!.id, userId: user.id, cardToken: "tok_visa" }),
    ).rejects.toMatchObject({ code: "upgrade_not_available", status: 409 });

    expect(charge).toHaveBeenCalledTimes(1);
    expect(await paymentRow(first.payment!.id)).toMatchObject({ status: "paid" });
    expect(await paymentRow(second.payment!.id)).toMatchObject({
      status: "form",
      failureReason: null,
    });
    const upgraded = (await subscriptionsOf(user.id)).filter((row) => row.kind === "upgrade");
    expect(upgraded).toHaveLength(1);
  });
});

describe("paying a pending paid_extend upgrade while another of the same base is being charged", () => {
  it("refuses it (409 upgrade_in_progress) without charging: both would have been charged for one base", async () => {
    await createUpgradeSchema(db(), {
      name: "Extend",
      linkTypeCodes: ["web_monthly"],
      options: [{ type: "paid_extend", config: PRINT }],
    });
    const { user } = await customerWith("web_monthly", { daysLater: 21 });
    const first = await pendingExtend(user.id, "tab-a");
    const second = await pendingExtend(user.id, "tab-b");
    // The first charge gets no answer (a timeout): it stays pending until reconciliation asks the gateway.
    const charge = vi
      .spyOn(demoGateway, "startPayment")
      .mockRejectedValueOnce(new Error("gateway timeout"));
    const waiting = await payPayment(db(), {
      paymentId: first.payment!.id,
      userId: user.id,
      cardToken: "tok_visa",
    });
    expect(waiting.status).toBe("pending");
    await expect(
      payPayment(db(), { paymentId: second.payment!.id, userId: user.id, cardToken: "tok_visa" }),
    ).rejects.toMatchObject({ code: "upgrade_in_progress", status: 409 });
    expect(charge).toHaveBeenCalledTimes(1);
    expect(await paymentRow(second.payment!.id)).toMatchObject({ status: "form" });
  });
});

describe("a pending paid_extend paid after another upgrade of its base was completed", () => {
  it("creates nothing and is marked to be refunded (a late answer from the gateway)", async () => {
    await createUpgradeSchema(db(), {
      name: "Extend",
      linkTypeCodes: ["web_monthly"],
      options: [{ type: "paid_extend", config: PRINT }],
    });
    const { user } = await customerWith("web_monthly", { daysLater: 21 });
    const first = await pendingExtend(user.id, "early");
    const late = await pendingExtend(user.id, "late-answer");
    await payPayment(db(), {
      paymentId: first.payment!.id,
      userId: user.id,
      cardToken: "tok_visa",
    });
    // The late payment's answer arrives after the first upgrade replaced the base.
    const paid = await markPaymentPaid(db(), { paymentId: late.payment!.id, actor: SYSTEM_ACTOR });
    expect(paid.subscription).toBeNull();
    expect(paid.payment).toMatchObject({ status: "paid", receiptNumber: expect.any(String) });
    expect(paid.payment.meta).toMatchObject({
      refund_required: expect.any(String),
      receipt_seller: expect.anything(),
    });
    const upgraded = (await subscriptionsOf(user.id)).filter((row) => row.kind === "upgrade");
    expect(upgraded).toHaveLength(1);
  });
});

describe("completing a paid_extend moves only the base's own followers", () => {
  it("a base that ended before the payment: the upgrade starts now, runs a full period and is not shifted", async () => {
    await createUpgradeSchema(db(), {
      name: "Extend",
      linkTypeCodes: ["web_monthly"],
      options: [{ type: "paid_extend", config: PRINT }],
    });
    const { user, subscription: base } = await customerWith("web_monthly", { daysLater: 21 });
    const { payment } = await pendingExtend(user.id, "late");
    freezeClock(addDays(base.endAt, 2));
    const paid = await markPaymentPaid(db(), { paymentId: payment!.id, actor: SYSTEM_ACTOR });
    expect(paid.subscription).toMatchObject({
      kind: "upgrade",
      startAt: now(),
      endAt: addDays(now(), 31),
    });
    const stored = await subscriptionRow(paid.subscription!.id);
    expect(stored).toMatchObject({ startAt: now(), endAt: addDays(now(), 31) });
    expect((await subscriptionRow(base.id))?.endAt).toEqual(base.endAt);
  });

  it("a separately bought subscription of another type stays where it is; the base's own follower moves", async () => {
    await createUpgradeSchema(db(), {
      name: "Extend",
      linkTypeCodes: ["web_monthly"],
      options: [{ type: "paid_extend", config: PRINT }],
    });
    const { user, subscription: base } = await customerWith("web_monthly", { daysLater: 21 });
    const club = await createSubscription(db(), {
      userId: user.id,
      subscriptionTypeId: clubTypeId,
      startAt: base.endAt,
      endAt: addDays(base.endAt, 31),
    });
    const follower = await createSubscription(db(), {
      userId: user.id,
      subscriptionTypeId: typeIds.web_monthly,
      startAt: base.endAt,
      endAt: addDays(base.endAt, 31),
    });
    const { payment } = await pendingExtend(user.id, "club");
    const paid = await markPaymentPaid(db(), { paymentId: payment!.id, actor: SYSTEM_ACTOR });
    const newEnd = addDays(now(), 31);
    expect(paid.subscription).toMatchObject({ startAt: now(), endAt: newEnd });
    expect(await subscriptionRow(club.id)).toMatchObject({
      startAt: club.startAt,
      endAt: club.endAt,
    });
    expect(await subscriptionRow(follower.id)).toMatchObject({
      startAt: newEnd,
      endAt: addDays(newEnd, 31),
    });
  });
});

describe("paid_recurrent with a base that changes under it", () => {
  it("refuses before charging the card when the base's end moved after the offer was read", async () => {
    await createUpgradeSchema(db(), {
      name: "Recurrent",
      linkTypeCodes: ["web_monthly"],
      options: [{ type: "paid_recurrent", config: PRINT }],
    });
    const { user, subscription: base } = await customerWith("web_monthly", {
      cardToken: "tok_visa",
    });
    const charge = vi.spyOn(demoGateway, "startPayment");
    // Another request (an extension) lands between reading the offer and writing the upgrade.
    hooks.afterContext = async (tx, loaded) => {
      if ((loaded as LoadedUpgradeContext).context?.base.subscriptionId !== base.id) return;
      hooks.afterContext = null;
      await (tx as Db)
        .update(subscriptions)
        .set({ endAt: addDays(base.endAt, 7) })
        .where(eq(subscriptions.id, base.id));
    };
    await expect(
      applyUpgrade(db(), {
        userId: user.id,
        type: "paid_recurrent",
        targetCode: "web_print_monthly",
        idempotencyKey: "moved",
      }),
    ).rejects.toMatchObject({ code: "upgrade_not_available" });
    expect(charge).not.toHaveBeenCalled();
    expect(
      await db()
        .select()
        .from(payments)
        .where(and(eq(payments.userId, user.id), eq(payments.upgradeType, "paid_recurrent"))),
    ).toEqual([]);
  });
});

describe("markPaymentPaid and upgrade charges", () => {
  it("refuses to mark a declined paid_recurrent charge paid: it would create a full-length subscription", async () => {
    await createUpgradeSchema(db(), {
      name: "Recurrent",
      linkTypeCodes: ["web_monthly"],
      options: [{ type: "paid_recurrent", config: PRINT }],
    });
    const { user } = await customerWith("web_monthly", { cardToken: "tok_declined" });
    await expect(
      applyUpgrade(db(), {
        userId: user.id,
        type: "paid_recurrent",
        targetCode: "web_print_monthly",
        idempotencyKey: "declined",
      }),
    ).rejects.toMatchObject({ code: "payment_declined" });
    const [failed] = await db()
      .select()
      .from(payments)
      .where(and(eq(payments.userId, user.id), eq(payments.upgradeType, "paid_recurrent")));
    expect(failed?.status).toBe("fail");
    const before = await subscriptionsOf(user.id);
    await expect(
      markPaymentPaid(db(), { paymentId: failed!.id, actor: SYSTEM_ACTOR }),
    ).rejects.toMatchObject({ code: "payment_wrong_status", status: 409 });
    expect(await paymentRow(failed!.id)).toMatchObject({ status: "fail" });
    expect(await subscriptionsOf(user.id)).toEqual(before);
  });
});
