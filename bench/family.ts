/**
 * `npm run bench:family` (needs DATABASE_URL, a Postgres server): family code activation under concurrency, on a
 * fresh database of its own (created and dropped here) with a pool of 20 connections.
 *
 * 1. 200 concurrent `activateFamilyRequest` calls, 200 different codes of one master, by 200 different users:
 *    activations per second over the wall time, p50/p95 latency.
 * 2. 200 concurrent activations of one fresh code (another master's) by the same 200 users: exactly one succeeds
 *    (asserted), every other is `family_request_wrong_status`; p50/p95 latency of the refusals.
 */
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { customerActor, SYSTEM_ACTOR } from "@/lib/auth/actor";
import { connect } from "@/lib/db/connect";
import { migrateDatabase } from "@/lib/db/migrate";
import { familyRequests, familySubscriptionTypes, subscriptions } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { activateFamilyRequest } from "@/lib/family/activate-family-request";
import { generateFamilyRequests } from "@/lib/family/generate-family-requests";
import { createPayment } from "@/lib/payments/create-payment";
import { markPaymentPaid } from "@/lib/payments/mark-payment-paid";
import { createContentAccess } from "@/lib/subscriptions/create-content-access";
import { saveSubscriptionType } from "@/lib/subscriptions/save-subscription-type";
import { createUser } from "@/lib/users/create-user";
import { formatSummary, summarize } from "./support/latency";
import { benchServer } from "./support/bench-database";

const { values } = parseArgs({
  options: { users: { type: "string", default: "200" }, pool: { type: "string", default: "20" } },
});
const USERS = Number(values.users);
const POOL_SIZE = Number(values.pool);

const server = benchServer();

interface Outcome {
  ok: boolean;
  error: string | null;
  ms: number;
}

/** Start every call at once; each records its own latency and outcome. */
async function concurrently(
  calls: (() => Promise<unknown>)[],
): Promise<{ outcomes: Outcome[]; wallMs: number }> {
  const started = performance.now();
  const outcomes = await Promise.all(
    calls.map(async (run) => {
      const t0 = performance.now();
      try {
        await run();
        return { ok: true, error: null, ms: performance.now() - t0 };
      } catch (error) {
        if (!isAppError(error)) throw error;
        return { ok: false, error: error.code, ms: performance.now() - t0 };
      }
    }),
  );
  return { outcomes, wallMs: performance.now() - started };
}

await server.create();
const connection = await connect(server.url, { poolSize: POOL_SIZE });
const db = connection.db;
try {
  await migrateDatabase(connection);
  await createContentAccess(db, { code: "web", name: "Web" });
  const child = await saveSubscriptionType(db, {
    code: "web_yearly",
    name: "Web yearly",
    lengthDays: 365,
    priceCents: 4990,
    contentAccessCodes: ["web"],
  });
  const master = await saveSubscriptionType(db, {
    code: "family_web_yearly",
    name: "Family web yearly",
    lengthDays: 365,
    priceCents: 9990,
    contentAccessCodes: ["web"],
  });
  await db.insert(familySubscriptionTypes).values({
    masterSubscriptionTypeId: master.id,
    childSubscriptionTypeId: child.id,
    donationMethod: "copy",
    count: USERS,
  });

  /** A master who bought the family type, with the requests the subscription.created function would generate. */
  async function familyMaster(label: string) {
    const user = await createUser(db, { email: `${label}@example.com`, name: label });
    const { payment } = await createPayment(db, {
      userId: user.id,
      gateway: "demo",
      items: [{ subscriptionTypeCode: "family_web_yearly" }],
    });
    const paid = await markPaymentPaid(db, { paymentId: payment.id, actor: SYSTEM_ACTOR });
    if (!paid.subscription) throw new Error("paying created no subscription");
    await generateFamilyRequests(db, { subscriptionId: paid.subscription.id });
    return db
      .select()
      .from(familyRequests)
      .where(eq(familyRequests.masterSubscriptionId, paid.subscription.id))
      .orderBy(familyRequests.id);
  }

  const friends: number[] = [];
  for (let i = 0; i < USERS; i++)
    friends.push(
      (await createUser(db, { email: `friend-${i}@example.com`, name: `Friend ${i}` })).id,
    );
  const codes = await familyMaster("parent-1");
  if (codes.length !== USERS) throw new Error(`expected ${USERS} requests, got ${codes.length}`);

  // Open every pooled connection first, so connection setup is not measured as activation latency.
  await Promise.all(
    Array.from({ length: POOL_SIZE }, () => db.execute(sql`select pg_sleep(0.05)`)),
  );

  console.log(`Family activation, ${connection.driver}, pool ${POOL_SIZE}, ${USERS} users:`);
  const spread = await concurrently(
    codes.map(
      (request, i) => () =>
        activateFamilyRequest(db, { code: request.code, actor: customerActor(friends[i]!) }),
    ),
  );
  const spreadFailures = spread.outcomes.filter((outcome) => !outcome.ok);
  if (spreadFailures.length > 0)
    throw new Error(`${spreadFailures.length} activations failed: ${spreadFailures[0]?.error}`);
  const children = await db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(eq(subscriptions.kind, "family"));
  if (children.length !== USERS)
    throw new Error(`expected ${USERS} child subscriptions, found ${children.length}`);
  console.log(
    `  ${formatSummary(
      `${USERS} codes, 1 each`,
      summarize(
        spread.outcomes.map((outcome) => outcome.ms),
        spread.wallMs,
      ),
    )}`,
  );
  console.log(
    `  → ${(USERS / (spread.wallMs / 1000)).toFixed(1)} activations/s (wall ${spread.wallMs.toFixed(0)} ms)`,
  );

  const [fresh] = await familyMaster("parent-2");
  if (!fresh) throw new Error("the second master has no request");
  const race = await concurrently(
    friends.map(
      (userId) => () =>
        activateFamilyRequest(db, { code: fresh.code, actor: customerActor(userId) }),
    ),
  );
  const winners = race.outcomes.filter((outcome) => outcome.ok);
  const refusals = race.outcomes.filter((outcome) => !outcome.ok);
  const refusalCodes = [...new Set(refusals.map((outcome) => outcome.error))];
  if (winners.length !== 1) throw new Error(`expected exactly one success, got ${winners.length}`);
  if (refusalCodes.length !== 1 || refusalCodes[0] !== "family_request_wrong_status") {
    throw new Error(`unexpected refusal codes: ${refusalCodes.join(", ")}`);
  }
  const [accepted] = await db.select().from(familyRequests).where(eq(familyRequests.id, fresh.id));
  if (accepted?.status !== "accepted") throw new Error("the raced code is not accepted");
  console.log(
    `  one code, ${USERS} racers: ${winners.length} success (${winners[0]!.ms.toFixed(1)} ms), ${refusals.length} × ${refusalCodes[0]}`,
  );
  console.log(
    `  ${formatSummary(
      "refusals",
      summarize(
        refusals.map((outcome) => outcome.ms),
        race.wallMs,
      ),
    )}`,
  );
} finally {
  await connection.close();
  await server.drop();
}
