/**
 * `npm run bench:renewals` (needs DATABASE_URL, a Postgres server): one renewal day, on a database of its own (created
 * and dropped here) with the demo catalog and --count customers, each holding a paid web_monthly payment whose
 * subscription ends now and an active recurrent payment on `tok_visa` due now — the rows markPaymentPaid and
 * createRecurrentPayment leave, written in batches so that setup takes seconds.
 *
 * The charge pass is the cron's work without its transport: findDueRecurrentPayments page by page (--page, the cron's
 * limit) and chargeRecurrentPayment for each row, from --concurrency in-process workers (the Inngest function runs
 * exactly this per event; no HTTP, no executor). Prints seconds, charges/s and per-charge latency, then counts paid
 * renewals, paid rows in the demo gateway's ledger and duplicates. A second pass must find and charge nothing, and
 * charging every original row again (a re-queued event each) must add no ledger row. Wrong counts exit 1.
 */
import { parseArgs } from "node:util";
import { and, eq, gt, isNotNull, sql } from "drizzle-orm";
import { addDays, freezeClock } from "@/lib/clock";
import { setDatabase, type Db } from "@/lib/db";
import { connect } from "@/lib/db/connect";
import { migrateDatabase } from "@/lib/db/migrate";
import {
  demoGatewayCharges,
  events,
  paymentItems,
  payments,
  recurrentPayments,
  subscriptions,
  subscriptionTypes,
  users,
} from "@/lib/db/schema";
import { chargeRecurrentPayment } from "@/lib/recurrent-payments/charge-recurrent-payment";
import { findDueRecurrentPayments } from "@/lib/recurrent-payments/find-due-recurrent-payments";
import { seedDemoCatalog } from "@/scripts/seed/demo-catalog";
import { benchServer } from "./support/bench-database";
import { formatSummary, summarize } from "./support/latency";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "10000" },
    concurrency: { type: "string", default: "8" },
    page: { type: "string", default: "1000" },
  },
});
const COUNT = Number(values.count);
const CONCURRENCY = Number(values.concurrency);
const PAGE = Number(values.page);
const BATCH = 1000;
const CARD_TOKEN = "tok_visa";
// Renewals are charged at this instant: every subscription ends here and every recurrent payment is due here.
const T0 = new Date(Math.floor(Date.now() / 1000) * 1000);

const server = benchServer();

/**
 * `count` customers who bought `typeCode` one period before `chargeAt` by card (createPayment with a card token, then
 * markPaymentPaid): the paid payment with its item, the subscription ending at `chargeAt`, the recurrent payment due
 * then, and the events those functions record — in multi-row inserts of BATCH customers.
 */
async function seedDueRenewals(
  db: Db,
  options: { count: number; typeCode: string; chargeAt: Date },
) {
  const [type] = await db
    .select()
    .from(subscriptionTypes)
    .where(eq(subscriptionTypes.code, options.typeCode));
  if (!type) throw new Error(`no subscription type ${options.typeCode}`);
  const paidAt = addDays(options.chargeAt, -type.lengthDays);
  for (let start = 0; start < options.count; start += BATCH) {
    const size = Math.min(BATCH, options.count - start);
    await db.transaction(async (tx) => {
      const people = await tx
        .insert(users)
        .values(
          Array.from({ length: size }, (_, k) => ({
            email: `renewal-${start + k}@example.com`,
            name: `Renewal ${start + k}`,
            createdAt: paidAt,
          })),
        )
        .returning({ id: users.id, email: users.email });
      const paid = await tx
        .insert(payments)
        .values(
          people.map((user) => ({
            userId: user.id,
            amountCents: type.priceCents,
            status: "paid" as const,
            gateway: "demo",
            paidAt,
            recurrentCardToken: CARD_TOKEN,
            meta: {},
            createdAt: paidAt,
            updatedAt: paidAt,
          })),
        )
        .returning({ id: payments.id, userId: payments.userId });
      await tx.insert(paymentItems).values(
        paid.map((payment) => ({
          paymentId: payment.id,
          type: "subscription_type" as const,
          subscriptionTypeId: type.id,
          name: type.name,
          amountCents: type.priceCents,
        })),
      );
      const subs = await tx
        .insert(subscriptions)
        .values(
          paid.map((payment) => ({
            userId: payment.userId,
            subscriptionTypeId: type.id,
            startAt: paidAt,
            endAt: options.chargeAt,
            isPaid: true,
            paymentId: payment.id,
            createdAt: paidAt,
            updatedAt: paidAt,
          })),
        )
        .returning();
      await tx.insert(recurrentPayments).values(
        subs.map((subscription) => ({
          userId: subscription.userId,
          cardToken: CARD_TOKEN,
          gateway: "demo",
          parentPaymentId: subscription.paymentId!,
          subscriptionTypeId: type.id,
          nextSubscriptionTypeId: type.nextSubscriptionTypeId,
          chargeAt: subscription.endAt,
          state: "active" as const,
          createdAt: paidAt,
          updatedAt: paidAt,
        })),
      );
      await tx.insert(events).values([
        ...people.map((user) => ({
          name: "user.created",
          userId: user.id,
          payload: { user_id: user.id, email: user.email, source: "bench" },
          occurredAt: paidAt,
        })),
        ...subs.flatMap((subscription) => [
          {
            name: "subscription.created",
            userId: subscription.userId,
            payload: {
              subscription_id: subscription.id,
              subscription_type_id: type.id,
              subscription_type_code: type.code,
              kind: subscription.kind,
              is_paid: true,
              payment_id: subscription.paymentId,
              start_at: subscription.startAt.toISOString(),
              end_at: subscription.endAt.toISOString(),
            },
            occurredAt: paidAt,
          },
          {
            name: "payment.paid",
            userId: subscription.userId,
            payload: {
              payment_id: subscription.paymentId,
              amount_cents: type.priceCents,
              gateway: "demo",
              recurrent: true,
              subscription_id: subscription.id,
              subscription_type_id: type.id,
            },
            occurredAt: paidAt,
          },
        ]),
      ]);
    });
  }
}

/** Run `work` over `ids` from `workers` concurrent workers; per-call latency and a tally of outcomes. */
async function workerPool(ids: number[], workers: number, work: (id: number) => Promise<string>) {
  const latencies: number[] = [];
  const outcomes = new Map<string, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(workers, ids.length) }, async () => {
      while (next < ids.length) {
        const id = ids[next++]!;
        const t0 = performance.now();
        let outcome: string;
        try {
          outcome = await work(id);
        } catch (error) {
          outcome = `error: ${error instanceof Error ? error.message : String(error)}`;
        }
        latencies.push(performance.now() - t0);
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }
    }),
  );
  return { latencies, outcomes };
}

async function chargeOne(db: Db, recurrentPaymentId: number): Promise<string> {
  const outcome = await chargeRecurrentPayment(db, { recurrentPaymentId });
  return outcome.status === "skipped" ? `skipped (${outcome.reason})` : outcome.status;
}

/** The cron's loop: a page of due rows, each charged by the pool, until no due row is left (or only ones seen). */
async function chargePass(db: Db) {
  const seen = new Set<number>();
  const latencies: number[] = [];
  const outcomes = new Map<string, number>();
  let pages = 0;
  const started = performance.now();
  for (;;) {
    const due = (await findDueRecurrentPayments(db, { limit: PAGE })).filter(
      (row) => !seen.has(row.id),
    );
    if (due.length === 0) break;
    pages++;
    for (const row of due) seen.add(row.id);
    const page = await workerPool(
      due.map((row) => row.id),
      CONCURRENCY,
      (id) => chargeOne(db, id),
    );
    latencies.push(...page.latencies);
    for (const [outcome, n] of page.outcomes)
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + n);
  }
  return { found: seen.size, pages, wallMs: performance.now() - started, latencies, outcomes };
}

const tally = (outcomes: Map<string, number>) =>
  [...outcomes].map(([outcome, n]) => `${n} ${outcome}`).join(", ") || "none";

await server.create();
const connection = await connect(server.url, { poolSize: CONCURRENCY + 2 });
const db = connection.db;
// The demo gateway writes its ledger through the process-wide database.
setDatabase(connection);
try {
  await migrateDatabase(connection);
  await seedDemoCatalog(db);
  freezeClock(T0);
  const setupStarted = performance.now();
  await seedDueRenewals(db, { count: COUNT, typeCode: "web_monthly", chargeAt: T0 });
  const setupSeconds = (performance.now() - setupStarted) / 1000;
  const originals = (await db.select({ id: recurrentPayments.id }).from(recurrentPayments)).map(
    (row) => row.id,
  );

  const count = sql<number>`count(*)::int`;
  const ledgerRows = async () =>
    (await db.select({ n: count }).from(demoGatewayCharges))[0]?.n ?? 0;
  const first = await chargePass(db);
  const [renewalsPaid] = await db
    .select({ n: count })
    .from(payments)
    .where(and(isNotNull(payments.recurrentPaymentId), eq(payments.status, "paid")));
  const [ledgerPaid] = await db
    .select({ n: count })
    .from(demoGatewayCharges)
    .where(eq(demoGatewayCharges.status, "paid"));
  const [charged] = await db
    .select({ n: count })
    .from(recurrentPayments)
    .where(eq(recurrentPayments.state, "charged"));
  const [nextDue] = await db
    .select({ n: count })
    .from(recurrentPayments)
    .where(and(eq(recurrentPayments.state, "active"), gt(recurrentPayments.chargeAt, T0)));
  const [chained] = await db
    .select({ n: count })
    .from(subscriptions)
    .where(isNotNull(subscriptions.nextSubscriptionId));
  // Keys occurring more than once: a recurrent payment that made two payments, a payment charged twice at the gateway.
  const [renewalDuplicates] = await db.select({ n: count }).from(
    db
      .select({ id: payments.recurrentPaymentId })
      .from(payments)
      .where(isNotNull(payments.recurrentPaymentId))
      .groupBy(payments.recurrentPaymentId)
      .having(sql`count(*) > 1`)
      .as("repeated"),
  );
  const [ledgerDuplicates] = await db.select({ n: count }).from(
    db
      .select({ id: demoGatewayCharges.paymentId })
      .from(demoGatewayCharges)
      .groupBy(demoGatewayCharges.paymentId)
      .having(sql`count(*) > 1`)
      .as("repeated"),
  );

  const ledgerBefore = await ledgerRows();
  const second = await chargePass(db);
  const ledgerAfterSecond = await ledgerRows();
  const replay = await workerPool(originals, CONCURRENCY, (id) => chargeOne(db, id));
  const ledgerAfterReplay = await ledgerRows();

  const problems: string[] = [];
  const check = (label: string, actual: number | undefined, wanted: number) => {
    if (actual !== wanted) problems.push(`${label}: ${actual}, expected ${wanted}`);
    return `${String(actual).padStart(7)}  (expected ${wanted}${actual === wanted ? "" : " — WRONG"})`;
  };

  console.log(
    `Renewals: ${COUNT} web_monthly recurrent payments on ${CARD_TOKEN} due at ${T0.toISOString()}, ${connection.driver} on ${new URL(server.url).host}`,
  );
  console.log(`  setup (batched inserts of ${BATCH}): ${setupSeconds.toFixed(1)} s`);
  console.log(
    `The cron's work in process, no HTTP: findDueRecurrentPayments in pages of ${PAGE}, chargeRecurrentPayment per row, ` +
      `${CONCURRENCY} workers, pool of ${CONCURRENCY + 2} connections (the Inngest fan-out and executor are not measured).`,
  );
  const run = summarize(first.latencies, first.wallMs);
  console.log(
    `  first pass: ${first.found} due in ${first.pages} pages, ${(first.wallMs / 1000).toFixed(1)} s, ${run.perSecond.toFixed(1)} charges/s — ${tally(first.outcomes)}`,
  );
  console.log(`  ${formatSummary("per charge", run)}`);
  console.log(
    `  renewal payments paid              ${check("renewal payments paid", renewalsPaid?.n, COUNT)}`,
  );
  console.log(
    `  demo_gateway_charges paid          ${check("demo ledger paid rows", ledgerPaid?.n, COUNT)}`,
  );
  console.log(
    `  recurrent payments charged         ${check("recurrent payments charged", charged?.n, COUNT)}`,
  );
  console.log(
    `  next recurrent payments (active)   ${check("next recurrent payments", nextDue?.n, COUNT)}`,
  );
  console.log(
    `  subscriptions followed by renewal  ${check("chained subscriptions", chained?.n, COUNT)}`,
  );
  console.log(
    `  recurrent payments with 2+ payments${check("recurrent payments charged twice", renewalDuplicates?.n, 0)}`,
  );
  console.log(
    `  payments with 2+ ledger rows       ${check("payments charged twice", ledgerDuplicates?.n, 0)}`,
  );
  console.log(
    `  second pass: ${second.found} due, ${(second.wallMs / 1000).toFixed(2)} s — ${tally(second.outcomes)}`,
  );
  console.log(
    `  new ledger rows                    ${check("ledger rows added by the second pass", ledgerAfterSecond - ledgerBefore, 0)}`,
  );
  console.log(
    `  charging all ${originals.length} original rows again (a re-queued event each): ${tally(replay.outcomes)}`,
  );
  console.log(
    `  new ledger rows                    ${check("ledger rows added by the re-queued charges", ledgerAfterReplay - ledgerAfterSecond, 0)}`,
  );
  if (problems.length > 0) {
    console.error(`\nWrong counts:\n  ${problems.join("\n  ")}`);
    process.exitCode = 1;
  }
} finally {
  await connection.close();
  await server.drop();
}
