// Over 300 lines: one stress scenario — its catalog, per-round setup, eight operations and the consistency checks — read together.
import { and, eq, inArray, isNull, lte, ne, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as createPaymentRoute } from "@/app/api/v1/payments/route";
import { customerActor } from "@/lib/auth/actor";
import { addDays, now } from "@/lib/clock";
import { rowsOf } from "@/lib/db/rows-of";
import {
  events,
  familyRequests,
  payments,
  subscriptions,
  subscriptionTypes,
  subscriptionUpgrades,
} from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { activateFamilyRequest } from "@/lib/family/activate-family-request";
import { generateFamilyRequests } from "@/lib/family/generate-family-requests";
import { renewFamilyChildren } from "@/lib/family/renew-family-children";
import { payPayment } from "@/lib/payments/pay-payment";
import { purchaseSubscription } from "@/lib/purchases/purchase-subscription";
import { createRecurrentPayment } from "@/lib/recurrent-payments/create-recurrent-payment";
import { evaluateReferralTrigger } from "@/lib/referrals/complete-referral";
import { getReferralLink } from "@/lib/referrals/referral-link";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { emitLifecycleEvents } from "@/lib/subscriptions/emit-lifecycle-events";
import { applyUpgrade } from "@/lib/upgrades/apply-upgrade";
import { listUpgradeOffers } from "@/lib/upgrades/list-upgrade-offers";
import { createUser } from "@/lib/users/create-user";
import { createPayment } from "@/lib/payments/create-payment";
import { call, createTokens } from "../api/api-test-kit";
import { insertFamilyType } from "../family/family-kit";
import { insertProgram } from "../referrals/referral-kit";
import { createUpgradeSchema } from "../upgrades/upgrade-kit";
import { seedCatalogTypes } from "../../support/catalog";
import { openTestDatabase } from "../../support/test-database";

/**
 * lib/db/LOCK-ORDER.md, proven under load: purchases (the v1 payments API and the checkout), the lifecycle sweep,
 * family generation and activation, upgrades and referral rewards run concurrently over a handful of shared users,
 * round after round, on a pool of real connections. No operation may fail with a deadlock or a serialization failure
 * (nor be retried for one), and the data must be whole afterwards.
 */

const onServer = Boolean(process.env.DATABASE_URL);
// PGlite is one connection: operations queue instead of interleaving, so two rounds check the scenario itself.
const ROUNDS = onServer ? 30 : 2;
const SHARED_USERS = 4;
const OPERATIONS = 8;

const CATALOG = {
  web_monthly: { name: "Web monthly", lengthDays: 31, priceCents: 499, content: ["web"] },
  web_print_monthly: {
    name: "Web + print monthly",
    lengthDays: 31,
    priceCents: 699,
    content: ["web", "print"],
  },
  family_web: { name: "Family web", lengthDays: 365, priceCents: 9990, content: ["web"] },
} as const;
const FAMILY_SEATS = 3;

const CONFLICT_CODES = new Set(["40P01", "40001"]);

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
let apiToken: string;
let typeIds: Record<keyof typeof CATALOG, number>;
const shared: { id: number }[] = [];
/** Rounds whose upgrade was refused because a same-round purchase replaced the renewal it charges. */
const replacedUpgradeRounds = new Set<number>();

beforeAll(async () => {
  database = await openTestDatabase();
  apiToken = (await createTokens(db(), "payments:write")).api;
  typeIds = await seedCatalogTypes(db(), {
    contentAccess: ["web", "print"],
    types: CATALOG,
    isDefault: true,
  });
  // The checkout sells what is offered.
  await db()
    .update(subscriptionTypes)
    .set({ offered: true })
    .where(inArray(subscriptionTypes.code, ["web_monthly", "family_web"]));
  await insertFamilyType(db(), {
    masterSubscriptionTypeId: typeIds.family_web,
    childSubscriptionTypeId: typeIds.web_monthly,
    donationMethod: "copy",
    count: FAMILY_SEATS,
    // The master may take a seat too: its activation then competes with its own purchases for its own rows.
    allowSelfUse: true,
  });
  await createUpgradeSchema(db(), {
    name: "Print",
    linkTypeCodes: ["web_monthly"],
    options: (["paid_recurrent", "free_recurrent", "short", "paid_extend"] as const).map(
      (type) => ({ type, config: { require_content: ["print"] } }),
    ),
  });
  await insertProgram(db(), {
    reward: { type: "free_days", options: { days: 5, subscription_type_code: "web_monthly" } },
    friend_reward: {
      type: "free_days",
      options: { days: 3, subscription_type_code: "web_monthly" },
    },
  });
  for (let i = 0; i < SHARED_USERS; i++) {
    shared.push(await createUser(db(), { email: `shared-${i}@example.com` }));
  }
});
afterAll(() => database.close());

/** A deterministic pick (Park–Miller), so a failing run can be replayed. */
function picker(seed: number) {
  let state = seed;
  return <T>(list: readonly T[]): T => {
    state = (state * 48_271) % 2_147_483_647;
    return list[state % list.length] as T;
  };
}

const sharedUser = (index: number) => {
  const user = shared[index % SHARED_USERS];
  if (!user) throw new Error(`no shared user ${index}`);
  return user;
};

/**
 * A paid web_monthly running now, an upgrade's base for the method `round` asks for: renewing by card (paid_recurrent,
 * charged on the card after the offer's transaction), 30 days left (short), or 10 days left (paid_extend, paid at the
 * checkout).
 */
async function runningPaidBase(userId: number, round: number) {
  const card = round % 3 === 0;
  const daysLeft = round % 3 === 2 ? 10 : 30;
  const { payment } = await createPayment(db(), {
    userId,
    gateway: "demo",
    items: [{ subscriptionTypeCode: "web_monthly" }],
  });
  await db()
    .update(payments)
    .set({ status: "paid", paidAt: now() })
    .where(eq(payments.id, payment.id));
  await createSubscription(db(), {
    userId,
    subscriptionTypeId: typeIds.web_monthly,
    startAt: new Date(now().getTime() - 60_000),
    endAt: addDays(now(), daysLeft),
    isPaid: true,
    paymentId: payment.id,
  });
  if (card)
    await createRecurrentPayment(db(), { parentPaymentId: payment.id, cardToken: "tok_visa" });
}

/** Each round's chain ends lie this far beyond the last round's, past anything the last round bought. */
const ROUND_DAYS = 1000;
const startedAMinuteAgo = () => new Date(now().getTime() - 60_000);

/**
 * What one round works on, made before its operations start. Every shared user gets a subscription that started a
 * minute ago and is the last of their web chain (the sweep marks it while purchases chain after it and referral
 * rewards extend it); the round's family master outlasts it, so the master's owner's purchases chain after the master
 * while it is generated for, activated and swept. A second master waits for two concurrent generations.
 */
async function prepareRound(round: number) {
  const chainEnd = (extraDays: number) => addDays(now(), ROUND_DAYS * (round + 1) + extraDays);
  for (let i = 0; i < SHARED_USERS; i++) {
    await createSubscription(db(), {
      userId: sharedUser(i).id,
      subscriptionTypeId: typeIds.web_monthly,
      startAt: startedAMinuteAgo(),
      endAt: chainEnd(0),
      note: `round ${round} chain end`,
    });
  }
  const owner = sharedUser(round).id;
  const familyMaster = (extraDays: number) =>
    createSubscription(db(), {
      userId: owner,
      subscriptionTypeId: typeIds.family_web,
      startAt: startedAMinuteAgo(),
      endAt: chainEnd(extraDays),
      isPaid: true,
      note: `round ${round} family master`,
    });
  const master = await familyMaster(2);
  const codes = await generateFamilyRequests(db(), { subscriptionId: master.id });
  const ungenerated = await familyMaster(1);
  const upgrader = sharedUser(round + 1).id;
  await runningPaidBase(upgrader, round);
  const { code } = await getReferralLink(db(), sharedUser(round + 2).id);
  const friend = await createUser(db(), {
    email: `friend-${round}@example.com`,
    referral: { code },
  });
  return { master, codes, ungenerated, upgrader, friend };
}

type RoundPlan = Awaited<ReturnType<typeof prepareRound>>;

/** The round's eight operations, started together. */
function operations(round: number, plan: RoundPlan, pick: ReturnType<typeof picker>) {
  const buyer = pick(shared);
  const checkoutBuyer = pick(shared);
  const activator = pick(shared);
  const code = pick(plan.codes);
  return {
    "api payment": async () => {
      const result = await call(createPaymentRoute, "POST", "/payments", {
        token: apiToken,
        body: {
          user_id: buyer.id,
          status: "paid",
          items: [{ subscription_type_code: "web_monthly" }],
        },
        headers: { "idempotency-key": `round-${round}-api` },
      });
      if (result.status !== 201)
        throw new Error(`POST /payments ${result.status}: ${JSON.stringify(result.json)}`);
    },
    checkout: () =>
      purchaseSubscription(db(), {
        userId: checkoutBuyer.id,
        subscriptionTypeCode: pick(["web_monthly", "family_web"] as const),
        recurrent: true,
        paymentToken: "tok_visa",
        idempotencyKey: `round-${round}-checkout`,
      }),
    "lifecycle sweep": () => emitLifecycleEvents(db()),
    "family generation": async () => {
      await generateFamilyRequests(db(), { subscriptionId: plan.ungenerated.id });
      await renewFamilyChildren(db(), { subscriptionId: plan.ungenerated.id });
    },
    "family generation again": () =>
      generateFamilyRequests(db(), { subscriptionId: plan.ungenerated.id }),
    "family activation": () =>
      activateFamilyRequest(db(), { code: code.code, actor: customerActor(activator.id) }),
    upgrade: async () => {
      const { offers } = await listUpgradeOffers(db(), { userId: plan.upgrader });
      const offer = offers[0];
      if (!offer) throw new Error(`no upgrade offered to user ${plan.upgrader}`);
      let applied;
      try {
        applied = await applyUpgrade(db(), {
          userId: plan.upgrader,
          type: offer.type,
          targetCode: offer.target.code,
          idempotencyKey: `round-${round}-upgrade`,
        });
      } catch (error) {
        // A purchase of the same plan by the upgrader, in the same round, may take over the renewal this upgrade
        // charges (the purchase stops it, reason `replaced`): the upgrade then refunds itself. Only that refusal.
        if (!isAppError(error) || error.code !== "upgrade_not_available") throw error;
        const replaced = await db()
          .select({ id: events.id })
          .from(events)
          .where(
            and(
              eq(events.userId, plan.upgrader),
              eq(events.name, "recurrent_payment.state_changed"),
              sql`${events.payload}->>'reason' = 'replaced'`,
            ),
          );
        if (replaced.length === 0) throw error;
        replacedUpgradeRounds.add(round);
        return;
      }
      if (applied.payment?.status === "form")
        await payPayment(db(), {
          paymentId: applied.payment.id,
          userId: plan.upgrader,
          cardToken: "tok_visa",
        });
    },
    "referral reward": () =>
      evaluateReferralTrigger(db(), { userId: plan.friend.id, trigger: "sign_up" }),
  };
}

/** The Postgres error somewhere in an error's cause chain (drizzle wraps the driver's error), else the error. */
function driverErrorOf(error: unknown): { code: string | null; message: string } {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const candidate = current as {
      code?: unknown;
      message?: unknown;
      detail?: unknown;
      cause?: unknown;
    };
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      const detail = typeof candidate.detail === "string" ? ` ${candidate.detail}` : "";
      return { code: candidate.code, message: `${String(candidate.message)}${detail}` };
    }
    current = candidate.cause;
  }
  return { code: null, message: String(error).split("\n")[0] ?? "" };
}

const describeFailure = (failure: { round: number; operation: string; error: unknown }) => {
  const { code, message } = driverErrorOf(failure.error);
  return `round ${failure.round} ${failure.operation}: ${code ?? "no sqlstate"} ${message}`;
};

describe("lock order under concurrent load", () => {
  it(`${ROUNDS} rounds of purchases, sweeps, family, upgrades and referral rewards: no deadlock, data whole`, async () => {
    const warn = vi.spyOn(console, "warn");
    replacedUpgradeRounds.clear();
    const pick = picker(18);
    const failures: { round: number; operation: string; error: unknown }[] = [];
    let concurrentMs = 0;
    const started = Date.now();
    for (let round = 0; round < ROUNDS; round++) {
      const plan = await prepareRound(round);
      const batch = Object.entries(operations(round, plan, pick));
      const batchStarted = Date.now();
      const settled = await Promise.allSettled(batch.map(([, run]) => run()));
      concurrentMs += Date.now() - batchStarted;
      // Every operation of a round has what it needs, so any refusal is a failure too, not only a conflict.
      settled.forEach((result, index) => {
        if (result.status === "rejected")
          failures.push({ round, operation: batch[index]?.[0] ?? "?", error: result.reason });
      });
    }
    console.info(
      `lock order: ${ROUNDS} rounds × ${OPERATIONS} operations in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
        `(${(concurrentMs / 1000).toFixed(1)} s of them concurrent; ` +
        `${replacedUpgradeRounds.size} upgrades refused for a replaced renewal)`,
    );
    const conflicts = failures.filter((failure) =>
      CONFLICT_CODES.has(driverErrorOf(failure.error).code ?? ""),
    );
    expect(conflicts.map(describeFailure)).toEqual([]);
    expect(failures.map(describeFailure)).toEqual([]);
    const retried = warn.mock.calls.filter((args) =>
      /deadlock|serialization/i.test(args.map(String).join(" ")),
    );
    expect(retried).toEqual([]);
    warn.mockRestore();

    await emitLifecycleEvents(db());
    await expectDataWhole();
  });
});

async function expectDataWhole() {
  // A purchase is one subscription: no paid payment (other than an upgrade's) has none or two.
  const purchases = rowsOf<{ id: number; subscriptions: number }>(
    await db().execute(sql`
      select p.id, (select count(*)::int from subscriptions s
        where s.payment_id = p.id and s.kind = 'regular') as subscriptions
      from payments p where p.status = 'paid' and p.upgrade_type is null`),
  );
  expect(purchases.filter((payment) => payment.subscriptions !== 1)).toEqual([]);
  // Per round: the API's, the checkout's, and the upgrade base's paid in preparation.
  expect(purchases).toHaveLength(3 * ROUNDS);
  // Every charge was answered: nothing left pending for reconciliation.
  expect(
    await db().select({ id: payments.id }).from(payments).where(eq(payments.status, "pending")),
  ).toEqual([]);

  // A chain links each subscription to at most one follower.
  const doubleLinked = rowsOf<{ next: number }>(
    await db().execute(sql`
      select next_subscription_id as next from subscriptions where next_subscription_id is not null
      group by next_subscription_id having count(*) > 1`),
  );
  expect(doubleLinked).toEqual([]);

  // Each family master has exactly its seats, and each accepted seat its child subscription, one per friend.
  const seats = rowsOf<{ master: number; live: number }>(
    await db().execute(sql`
      select s.id as master, (select count(*)::int from family_requests r
        where r.master_subscription_id = s.id and r.status <> 'canceled') as live
      from subscriptions s where s.subscription_type_id = ${typeIds.family_web} and s.note like 'round %'`),
  );
  expect(seats.filter((master) => master.live !== FAMILY_SEATS)).toEqual([]);
  const accepted = await db()
    .select()
    .from(familyRequests)
    .where(eq(familyRequests.status, "accepted"));
  expect(accepted).toHaveLength(ROUNDS);
  for (const request of accepted) {
    const [child] = await db()
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, request.childSubscriptionId ?? -1));
    expect(child).toMatchObject({ kind: "family", userId: request.childUserId });
  }
  const seatsPerFriend = new Set(accepted.map((r) => `${r.masterSubscriptionId}:${r.childUserId}`));
  expect(seatsPerFriend.size).toBe(accepted.length);

  // Each referral was rewarded once, each completed upgrade has its subscription.
  const referralsLeft = rowsOf<{ id: number; status: string; rewards: number }>(
    await db().execute(sql`
      select r.id, r.status, (select count(*)::int from referral_rewards w where w.referral_id = r.id) as rewards
      from referrals r`),
  );
  expect(referralsLeft).toHaveLength(ROUNDS);
  expect(referralsLeft.filter((r) => r.status !== "complete" || r.rewards !== 2)).toEqual([]);
  const brokenUpgrades = await db()
    .select({ id: subscriptionUpgrades.id })
    .from(subscriptionUpgrades)
    .where(
      and(
        eq(subscriptionUpgrades.status, "completed"),
        isNull(subscriptionUpgrades.upgradedSubscriptionId),
      ),
    );
  expect(brokenUpgrades).toEqual([]);
  const completedUpgrades = await db()
    .select({ id: subscriptionUpgrades.id })
    .from(subscriptionUpgrades)
    .where(eq(subscriptionUpgrades.status, "completed"));
  expect(completedUpgrades).toHaveLength(ROUNDS - replacedUpgradeRounds.size);

  // The sweep marked every started subscription once, with one subscription.started each.
  const unmarked = await db()
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(and(lte(subscriptions.startAt, now()), isNull(subscriptions.startedEventAt)));
  expect(unmarked).toEqual([]);
  const startedTwice = rowsOf<{ subscription: string }>(
    await db().execute(sql`
      select payload->>'subscription_id' as subscription from events where name = 'subscription.started'
      group by 1 having count(*) > 1`),
  );
  expect(startedTwice).toEqual([]);
  const started = await db()
    .select({ id: events.id })
    .from(events)
    .where(eq(events.name, "subscription.started"));
  const actual = await db()
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(and(lte(subscriptions.startAt, now()), ne(subscriptions.startAt, subscriptions.endAt)));
  expect(started.length).toBe(actual.length);
}
