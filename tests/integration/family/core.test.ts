import { and, asc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { adminActor, customerActor, SYSTEM_ACTOR } from "@/lib/auth/actor";
import { DAY_MS, freezeClock, now, resetClock } from "@/lib/clock";
import {
  events,
  familyRequests,
  familySubscriptionTypes,
  subscriptions,
  type FamilySubscriptionType,
} from "@/lib/db/schema";
import { activateFamilyRequest } from "@/lib/family/activate-family-request";
import { FAMILY_CODE_PATTERN, generateFamilyCode } from "@/lib/family/family-code";
import { generateFamilyRequests } from "@/lib/family/generate-family-requests";
import { releaseFamilyChild } from "@/lib/family/release-family-child";
import { renewFamilyChildren } from "@/lib/family/renew-family-children";
import { createPayment } from "@/lib/payments/create-payment";
import { markPaymentPaid } from "@/lib/payments/mark-payment-paid";
import { chargeRecurrentPayment } from "@/lib/recurrent-payments/charge-recurrent-payment";
import { createContentAccess } from "@/lib/subscriptions/create-content-access";
import { saveSubscriptionType } from "@/lib/subscriptions/save-subscription-type";
import { stopSubscription } from "@/lib/subscriptions/stop-subscription";
import { createUser } from "@/lib/users/create-user";
import { openTestDatabase } from "../../support/test-database";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
const types: Record<string, number> = {};
const T0 = new Date("2026-06-01T10:00:00Z");

beforeAll(async () => {
  database = await openTestDatabase();
  await createContentAccess(db(), { code: "web", name: "Web" });
  await createContentAccess(db(), { code: "print", name: "Print" });
  const catalog = [
    { code: "family_web", lengthDays: 365, priceCents: 9900, content: ["web"] },
    { code: "web_child", lengthDays: 365, priceCents: 4990, content: ["web"] },
    { code: "print_child", lengthDays: 365, priceCents: 4990, content: ["print"] },
    { code: "family_custom", lengthDays: 365, priceCents: 0, content: ["web"] },
  ];
  for (const type of catalog) {
    const saved = await saveSubscriptionType(db(), {
      code: type.code,
      name: type.code,
      lengthDays: type.lengthDays,
      priceCents: type.priceCents,
      contentAccessCodes: type.content,
    });
    types[type.code] = saved.id;
  }
});
afterEach(async () => {
  resetClock();
  await db().delete(familySubscriptionTypes);
});
afterAll(() => database.close());

let sequence = 0;
const newUser = (label = "user") =>
  createUser(db(), { email: `${label}-${++sequence}@example.com`, password: "secret-password" });
const typeId = (code: string) => types[code] ?? 0;

async function familyType(values: Partial<FamilySubscriptionType> = {}) {
  const [row] = await db()
    .insert(familySubscriptionTypes)
    .values({
      masterSubscriptionTypeId: typeId("family_web"),
      childSubscriptionTypeId: typeId("web_child"),
      donationMethod: "copy",
      count: 3,
      isPaid: true,
      ...values,
    })
    .returning();
  if (!row) throw new Error("no family type");
  return row;
}

/** A master who bought `items` (default one family_web) at the frozen time; returns the subscription. */
async function buyMaster(
  options: {
    userId?: number;
    items?: { subscriptionTypeCode: string; count?: number }[];
    card?: string;
    meta?: Record<string, unknown>;
  } = {},
) {
  const userId = options.userId ?? (await newUser("master")).id;
  const { payment } = await createPayment(db(), {
    userId,
    gateway: "demo",
    items: options.items ?? [{ subscriptionTypeCode: "family_web" }],
    recurrentCardToken: options.card ?? null,
    meta: options.meta ?? {},
  });
  const { subscription } = await markPaymentPaid(db(), {
    paymentId: payment.id,
    actor: SYSTEM_ACTOR,
  });
  if (!subscription) throw new Error("no subscription");
  return { userId, subscription, paymentId: payment.id };
}
const requestsOf = (masterSubscriptionId: number) =>
  db()
    .select()
    .from(familyRequests)
    .where(eq(familyRequests.masterSubscriptionId, masterSubscriptionId))
    .orderBy(asc(familyRequests.id));

describe("codes and generation", () => {
  it("codes are 32 characters of [0-9a-z] and differ", () => {
    const codes = new Set(Array.from({ length: 1000 }, generateFamilyCode));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(FAMILY_CODE_PATTERN);
  });

  it("static count: tops up to the count, and running again creates nothing", async () => {
    await familyType({ count: 3 });
    const { subscription } = await buyMaster();
    expect(await generateFamilyRequests(db(), { subscriptionId: subscription.id })).toHaveLength(3);
    expect(await generateFamilyRequests(db(), { subscriptionId: subscription.id })).toHaveLength(0);
    await Promise.all([
      generateFamilyRequests(db(), { subscriptionId: subscription.id }),
      generateFamilyRequests(db(), { subscriptionId: subscription.id }),
    ]);
    const requests = await requestsOf(subscription.id);
    expect(requests).toHaveLength(3);
    expect(
      requests.every(
        (request) =>
          request.subscriptionTypeId === typeId("web_child") && request.status === "created",
      ),
    ).toBe(true);
  });

  it("dynamic count (0): the payment item's count", async () => {
    await familyType({ count: 0 });
    const { subscription } = await buyMaster({
      items: [{ subscriptionTypeCode: "family_web", count: 5 }],
    });
    expect(await generateFamilyRequests(db(), { subscriptionId: subscription.id })).toHaveLength(5);
  });

  it("customizable: one request per unit of each other subscription-type item, typed by the item", async () => {
    await familyType({
      masterSubscriptionTypeId: typeId("family_custom"),
      childSubscriptionTypeId: null,
      count: 0,
    });
    const { subscription } = await buyMaster({
      items: [
        { subscriptionTypeCode: "family_custom" },
        { subscriptionTypeCode: "web_child", count: 2 },
        { subscriptionTypeCode: "print_child", count: 1 },
      ],
    });
    // The payment's first item is the master type, so that is the subscription paying creates.
    expect(subscription.subscriptionTypeId).toBe(typeId("family_custom"));
    await generateFamilyRequests(db(), { subscriptionId: subscription.id });
    const byType = (await requestsOf(subscription.id))
      .map((request) => request.subscriptionTypeId)
      .sort();
    expect(byType).toEqual(
      [typeId("web_child"), typeId("web_child"), typeId("print_child")].sort(),
    );
  });

  it("a subscription of a type without a family type gets nothing", async () => {
    const { subscription } = await buyMaster({ items: [{ subscriptionTypeCode: "web_child" }] });
    expect(await generateFamilyRequests(db(), { subscriptionId: subscription.id })).toEqual([]);
  });
});

describe("activation", () => {
  async function masterWithCodes(values: Partial<FamilySubscriptionType> = {}) {
    const type = await familyType(values);
    const master = await buyMaster();
    const requests = await generateFamilyRequests(db(), { subscriptionId: master.subscription.id });
    return { type, master, codes: requests.map((request) => request.code) };
  }

  it("copy: the child gets the master's start and end, kind family, and the event", async () => {
    freezeClock(T0);
    const { master, codes } = await masterWithCodes();
    const friend = await newUser("friend");
    const activated = await activateFamilyRequest(db(), {
      code: codes[0] ?? "",
      actor: customerActor(friend.id),
    });
    expect(activated.subscription).toMatchObject({
      kind: "family",
      isPaid: true,
      startAt: master.subscription.startAt,
      endAt: master.subscription.endAt,
      userId: friend.id,
    });
    expect(activated).toMatchObject({
      subscriptionTypeCode: "web_child",
      access: ["web"],
      request: { status: "accepted", childUserId: friend.id },
    });
    const [event] = await db()
      .select()
      .from(events)
      .where(and(eq(events.name, "family.request_accepted"), eq(events.userId, friend.id)));
    expect(event?.payload).toMatchObject({
      code: codes[0],
      subscription_id: activated.subscription.id,
    });
  });

  it("days: N days from now; fixed: until the date", async () => {
    freezeClock(T0);
    const { codes } = await masterWithCodes({ donationMethod: "days", donationDays: 30 });
    const friend = await newUser();
    const days = await activateFamilyRequest(db(), {
      code: codes[0] ?? "",
      actor: customerActor(friend.id),
    });
    expect(days.subscription).toMatchObject({
      startAt: T0,
      endAt: new Date(T0.getTime() + 30 * DAY_MS),
    });
    await db().delete(familySubscriptionTypes);
    const fixedEnd = new Date("2026-12-31T00:00:00Z");
    const fixed = await masterWithCodes({ donationMethod: "fixed", donationFixedEnd: fixedEnd });
    const other = await newUser();
    expect(
      (
        await activateFamilyRequest(db(), {
          code: fixed.codes[0] ?? "",
          actor: customerActor(other.id),
        })
      ).subscription,
    ).toMatchObject({ startAt: T0, endAt: fixedEnd });
  });

  it("every refusal has its code", async () => {
    freezeClock(T0);
    const { master, codes } = await masterWithCodes();
    const [first = "", second = "", third = ""] = codes;
    const friend = await newUser();
    await expect(
      activateFamilyRequest(db(), { code: "0".repeat(32), actor: customerActor(friend.id) }),
    ).rejects.toMatchObject({ code: "family_request_not_found", status: 404 });
    await expect(
      activateFamilyRequest(db(), { code: "not a code", actor: customerActor(friend.id) }),
    ).rejects.toMatchObject({ code: "family_request_not_found" });
    await expect(
      activateFamilyRequest(db(), { code: first, actor: customerActor(master.userId) }),
    ).rejects.toMatchObject({ code: "family_request_self_use_forbidden", status: 400 });
    await activateFamilyRequest(db(), { code: first, actor: customerActor(friend.id) });
    await expect(
      activateFamilyRequest(db(), { code: first, actor: customerActor((await newUser()).id) }),
    ).rejects.toMatchObject({ code: "family_request_wrong_status", status: 409 });
    await expect(
      activateFamilyRequest(db(), { code: second, actor: customerActor(friend.id) }),
    ).rejects.toMatchObject({ code: "family_request_one_per_user", status: 400 });
    // An admin may give a second child to the same user, and the master's own code to the master.
    const admin = adminActor(
      (await createUser(db(), { email: `admin-${++sequence}@example.com`, role: "admin" })).id,
    );
    await expect(
      activateFamilyRequest(db(), { code: second, userId: friend.id, actor: admin }),
    ).resolves.toMatchObject({ request: { status: "accepted" } });
    freezeClock(new Date(master.subscription.endAt.getTime() + 1000));
    await expect(
      activateFamilyRequest(db(), { code: third, actor: customerActor((await newUser()).id) }),
    ).rejects.toMatchObject({ code: "family_request_expired", status: 400 });
  });

  it("codes of a fixed family are expired once the fixed date has passed", async () => {
    freezeClock(T0);
    const fixedEnd = new Date(T0.getTime() + 10 * DAY_MS);
    const { master, codes } = await masterWithCodes({
      donationMethod: "fixed",
      donationFixedEnd: fixedEnd,
    });
    const { listMasterFamilyRequests } = await import("@/lib/family/list-family-requests");
    expect(
      (await listMasterFamilyRequests(db(), { masterUserId: master.userId })).every(
        (row) => !row.expired,
      ),
    ).toBe(true);
    freezeClock(new Date(fixedEnd.getTime() + 1000));
    expect(
      (await listMasterFamilyRequests(db(), { masterUserId: master.userId })).every(
        (row) => row.expired,
      ),
    ).toBe(true);
    await expect(
      activateFamilyRequest(db(), {
        code: codes[0] ?? "",
        actor: customerActor((await newUser()).id),
      }),
    ).rejects.toMatchObject({ code: "family_request_expired" });
  });

  it("a code past its expires_at is expired; self-use is allowed when the type allows it", async () => {
    freezeClock(T0);
    const { master, codes } = await masterWithCodes({ allowSelfUse: true });
    await db()
      .update(familyRequests)
      .set({ expiresAt: new Date(T0.getTime() - 1) })
      .where(eq(familyRequests.code, codes[0] ?? ""));
    await expect(
      activateFamilyRequest(db(), {
        code: codes[0] ?? "",
        actor: customerActor((await newUser()).id),
      }),
    ).rejects.toMatchObject({ code: "family_request_expired" });
    await expect(
      activateFamilyRequest(db(), { code: codes[1] ?? "", actor: customerActor(master.userId) }),
    ).resolves.toMatchObject({ request: { status: "accepted" } });
  });

  it("50 concurrent activations of one code: exactly one wins, 49 are refused as used", async () => {
    const { codes } = await masterWithCodes();
    const friends = await Promise.all(Array.from({ length: 50 }, () => newUser("racer")));
    const results = await Promise.allSettled(
      friends.map((friend) =>
        activateFamilyRequest(db(), { code: codes[0] ?? "", actor: customerActor(friend.id) }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refusals = results.flatMap((result) =>
      result.status === "rejected" ? [result.reason] : [],
    );
    expect(refusals).toHaveLength(49);
    for (const reason of refusals)
      expect(reason).toMatchObject({ code: "family_request_wrong_status" });
    const children = await db()
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.kind, "family"));
    expect(
      children.filter((child) => friends.some((friend) => friend.id === child.userId)),
    ).toHaveLength(1);
  });

  it("one user activating two codes of one master at once gets one child", async () => {
    const { codes } = await masterWithCodes();
    const friend = await newUser();
    const results = await Promise.allSettled(
      codes
        .slice(0, 2)
        .map((code) => activateFamilyRequest(db(), { code, actor: customerActor(friend.id) })),
    );
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
  });
});

describe("keeping children in step", () => {
  async function masterWithChild() {
    freezeClock(T0);
    await familyType();
    const master = await buyMaster();
    const [request] = await generateFamilyRequests(db(), {
      subscriptionId: master.subscription.id,
    });
    const friend = await newUser("child");
    const activated = await activateFamilyRequest(db(), {
      code: request?.code ?? "",
      actor: customerActor(friend.id),
    });
    return { master, friend, activated };
  }

  it("a stopped master stops its children", async () => {
    const { master, activated } = await masterWithChild();
    freezeClock(new Date(T0.getTime() + 10 * DAY_MS));
    await stopSubscription(db(), { subscriptionId: master.subscription.id, actor: SYSTEM_ACTOR });
    const [child] = await db()
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, activated.subscription.id));
    expect(child?.endAt).toEqual(now());
  });

  it("a child stopped while the master runs cancels its request and issues a replacement code", async () => {
    const { master, activated } = await masterWithChild();
    freezeClock(new Date(T0.getTime() + 10 * DAY_MS));
    await stopSubscription(db(), {
      subscriptionId: activated.subscription.id,
      actor: SYSTEM_ACTOR,
    });
    const requests = await requestsOf(master.subscription.id);
    expect(requests.filter((request) => request.status !== "canceled")).toHaveLength(3);
    const canceled = requests.find((request) => request.id === activated.request.id);
    expect(canceled).toMatchObject({ status: "canceled", canceledAt: now() });
    expect(
      requests.find((request) => request.replacesRequestId === activated.request.id),
    ).toMatchObject({ status: "created" });
    // Generation after that still counts three.
    expect(await generateFamilyRequests(db(), { subscriptionId: master.subscription.id })).toEqual(
      [],
    );
  });

  it("a child that has not started yet, stopped, still gets its code replaced", async () => {
    freezeClock(T0);
    await familyType();
    const first = await buyMaster();
    // Bought again: the second master starts when the first ends, and so does a copy child of it.
    const second = await buyMaster({ userId: first.userId });
    const [request] = await generateFamilyRequests(db(), {
      subscriptionId: second.subscription.id,
    });
    const friend = await newUser("future");
    const activated = await activateFamilyRequest(db(), {
      code: request?.code ?? "",
      actor: customerActor(friend.id),
    });
    expect(activated.subscription.startAt.getTime()).toBeGreaterThan(now().getTime());
    await stopSubscription(db(), {
      subscriptionId: activated.subscription.id,
      actor: SYSTEM_ACTOR,
    });
    const requests = await requestsOf(second.subscription.id);
    expect(requests.find((row) => row.id === activated.request.id)?.status).toBe("canceled");
    expect(requests.find((row) => row.replacesRequestId === activated.request.id)?.status).toBe(
      "created",
    );
  });

  it("a master stopped before it started ends its days children now", async () => {
    freezeClock(T0);
    await familyType({ donationMethod: "days", donationDays: 30 });
    const first = await buyMaster();
    const second = await buyMaster({ userId: first.userId });
    const [request] = await generateFamilyRequests(db(), {
      subscriptionId: second.subscription.id,
    });
    const friend = await newUser("days");
    const activated = await activateFamilyRequest(db(), {
      code: request?.code ?? "",
      actor: customerActor(friend.id),
    });
    await stopSubscription(db(), { subscriptionId: second.subscription.id, actor: SYSTEM_ACTOR });
    const [child] = await db()
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, activated.subscription.id));
    expect(child?.endAt).toEqual(now());
  });

  it("the master releases a child: it stops, the code is canceled and replaced; others cannot release it", async () => {
    const { master, activated, friend } = await masterWithChild();
    await expect(
      releaseFamilyChild(db(), {
        requestId: activated.request.id,
        actor: customerActor(friend.id),
      }),
    ).rejects.toMatchObject({ code: "family_request_not_found" });
    freezeClock(new Date(T0.getTime() + DAY_MS));
    const { canceled, replacement } = await releaseFamilyChild(db(), {
      requestId: activated.request.id,
      actor: customerActor(master.userId),
    });
    expect(canceled.status).toBe("canceled");
    expect(replacement).toMatchObject({
      status: "created",
      replacesRequestId: activated.request.id,
      subscriptionTypeId: typeId("web_child"),
    });
    const [child] = await db()
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, activated.subscription.id));
    expect(child?.endAt).toEqual(now());
    await expect(
      releaseFamilyChild(db(), {
        requestId: activated.request.id,
        actor: customerActor(master.userId),
      }),
    ).rejects.toMatchObject({ code: "family_request_wrong_status" });
  });
});

describe("renewal", () => {
  async function acceptedChild(values: Partial<FamilySubscriptionType> = {}, card?: string) {
    freezeClock(T0);
    await familyType(values);
    const master = await buyMaster({ card });
    const [request] = await generateFamilyRequests(db(), {
      subscriptionId: master.subscription.id,
    });
    const friend = await newUser("renewed");
    await activateFamilyRequest(db(), {
      code: request?.code ?? "",
      actor: customerActor(friend.id),
    });
    return { master, friend };
  }
  const childrenOf = (userId: number) =>
    db()
      .select()
      .from(subscriptions)
      .where(and(eq(subscriptions.userId, userId), eq(subscriptions.kind, "family")))
      .orderBy(asc(subscriptions.startAt));

  it("a next master subscription right after the old one (gap 0) renews the child on a new request", async () => {
    const { master, friend } = await acceptedChild();
    const next = await buyMaster({ userId: master.userId });
    expect(next.subscription.startAt).toEqual(master.subscription.endAt);
    await generateFamilyRequests(db(), { subscriptionId: next.subscription.id });
    expect(await renewFamilyChildren(db(), { subscriptionId: next.subscription.id })).toHaveLength(
      1,
    );
    expect(await renewFamilyChildren(db(), { subscriptionId: next.subscription.id })).toHaveLength(
      0,
    );
    const children = await childrenOf(friend.id);
    expect(children).toHaveLength(2);
    expect(children[1]).toMatchObject({
      startAt: next.subscription.startAt,
      endAt: next.subscription.endAt,
    });
  });

  it("a gap: within the configured days renews, beyond it does not", async () => {
    const { master, friend } = await acceptedChild({ renewalGapDays: 7 });
    freezeClock(new Date(master.subscription.endAt.getTime() + 5 * DAY_MS));
    const within = await buyMaster({ userId: master.userId });
    await generateFamilyRequests(db(), { subscriptionId: within.subscription.id });
    expect(
      await renewFamilyChildren(db(), { subscriptionId: within.subscription.id }),
    ).toHaveLength(1);

    await db().delete(familySubscriptionTypes);
    const late = await acceptedChild({ renewalGapDays: 7 });
    freezeClock(new Date(late.master.subscription.endAt.getTime() + 8 * DAY_MS));
    const after = await buyMaster({ userId: late.master.userId });
    await generateFamilyRequests(db(), { subscriptionId: after.subscription.id });
    expect(await renewFamilyChildren(db(), { subscriptionId: after.subscription.id })).toHaveLength(
      0,
    );
    expect(await childrenOf(friend.id)).toHaveLength(2);
  });

  it("releasing a friend also releases the child a renewal already gave them", async () => {
    const { master, friend } = await acceptedChild();
    const next = await buyMaster({ userId: master.userId });
    await generateFamilyRequests(db(), { subscriptionId: next.subscription.id });
    await renewFamilyChildren(db(), { subscriptionId: next.subscription.id });
    const [current] = await db()
      .select()
      .from(familyRequests)
      .where(
        and(
          eq(familyRequests.masterSubscriptionId, master.subscription.id),
          eq(familyRequests.childUserId, friend.id),
        ),
      );
    await releaseFamilyChild(db(), {
      requestId: current?.id ?? 0,
      actor: customerActor(master.userId),
    });
    const children = await childrenOf(friend.id);
    expect(
      children.every(
        (child) => child.endAt.getTime() <= Math.max(now().getTime(), child.startAt.getTime()),
      ),
    ).toBe(true);
    const accepted = await db()
      .select()
      .from(familyRequests)
      .where(and(eq(familyRequests.childUserId, friend.id), eq(familyRequests.status, "accepted")));
    expect(accepted).toEqual([]);
    // Each released slot got a replacement: three usable codes on each master subscription.
    for (const id of [master.subscription.id, next.subscription.id]) {
      expect((await requestsOf(id)).filter((row) => row.status !== "canceled")).toHaveLength(3);
    }
  });

  it("keep_requests_unactivated on the payment leaves the new requests free", async () => {
    const { master } = await acceptedChild();
    const next = await buyMaster({
      userId: master.userId,
      meta: { keep_requests_unactivated: true },
    });
    await generateFamilyRequests(db(), { subscriptionId: next.subscription.id });
    expect(await renewFamilyChildren(db(), { subscriptionId: next.subscription.id })).toHaveLength(
      0,
    );
  });

  it("a dynamic family renewed by the recurrent chain keeps its count (taken from the payment that started it)", async () => {
    freezeClock(T0);
    await familyType({ count: 0 });
    const master = await buyMaster({
      items: [{ subscriptionTypeCode: "family_web", count: 4 }],
      card: "tok_visa",
    });
    await generateFamilyRequests(db(), { subscriptionId: master.subscription.id });
    const { recurrentPayments } = await import("@/lib/db/schema");
    let parentPaymentId = master.paymentId;
    for (let renewal = 1; renewal <= 2; renewal++) {
      const [row] = await db()
        .select()
        .from(recurrentPayments)
        .where(eq(recurrentPayments.parentPaymentId, parentPaymentId));
      freezeClock(row?.chargeAt ?? T0);
      const charged = await chargeRecurrentPayment(db(), { recurrentPaymentId: row?.id ?? 0 });
      if (charged.status !== "charged" || !charged.subscription) throw new Error("not charged");
      expect(
        await generateFamilyRequests(db(), { subscriptionId: charged.subscription.id }),
      ).toHaveLength(4);
      parentPaymentId = charged.payment.id;
    }
  });

  it("the recurrent chain renews the children", async () => {
    const { master, friend } = await acceptedChild({}, "tok_visa");
    const [recurrent] = await db()
      .select()
      .from(familyRequests)
      .where(eq(familyRequests.masterSubscriptionId, master.subscription.id));
    expect(recurrent).toBeDefined();
    freezeClock(master.subscription.endAt);
    const { recurrentPayments } = await import("@/lib/db/schema");
    const [row] = await db()
      .select()
      .from(recurrentPayments)
      .where(eq(recurrentPayments.parentPaymentId, master.paymentId));
    const charged = await chargeRecurrentPayment(db(), { recurrentPaymentId: row?.id ?? 0 });
    if (charged.status !== "charged" || !charged.subscription) throw new Error("not charged");
    await generateFamilyRequests(db(), { subscriptionId: charged.subscription.id });
    expect(
      await renewFamilyChildren(db(), { subscriptionId: charged.subscription.id }),
    ).toHaveLength(1);
    expect(await childrenOf(friend.id)).toHaveLength(2);
  });
});
