/**
 * `npm run bench:purchases` (needs DATABASE_URL, a Postgres server, and `npm run build` — or pass --build): customers
 * buying through `POST /api/v1/purchases` with the demo gateway's `tok_visa` and automatic renewal, through the
 * production build (`next start`). Creates its own database on the DATABASE_URL server (dropped at the end unless
 * --keep), migrates it, adds the demo catalog with `web_monthly` on sale, and one user with a user token per checkout.
 *
 * 1. --requests checkouts from --concurrency clients, each user buying once under its own idempotency key: every one
 *    runs the whole pipeline (a committed `pending` payment, the gateway call outside any transaction, the settle
 *    transaction). Prints requests/s and p50/p95/max latency, then counts paid payments, paid rows in the demo
 *    gateway's ledger and recurrent payments: each must be exactly the number of checkouts (exit 1 otherwise).
 * 2. --replays of those requests sent again with the same keys (a client retrying): each must answer the paid payment
 *    as a replay, and the ledger must not gain a row.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:purchases -- --requests 200 --concurrency 20
 */
import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { and, eq, inArray, sql } from "drizzle-orm";
import { connect } from "@/lib/db/connect";
import { migrateDatabase } from "@/lib/db/migrate";
import {
  demoGatewayCharges,
  payments,
  recurrentPayments,
  subscriptionTypes,
} from "@/lib/db/schema";
import { createUser } from "@/lib/users/create-user";
import { issueUserToken } from "@/lib/users/issue-user-token";
import { seedDemoCatalog } from "@/scripts/seed/demo-catalog";
import { benchServer } from "./support/bench-database";
import { formatSummary, summarize } from "./support/latency";
import { freePort, startProcess, stopProcess, waitFor200 } from "./support/processes";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "200" },
    concurrency: { type: "string", default: "20" },
    replays: { type: "string", default: "20" },
    warmup: { type: "string", default: "10" },
    build: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const REQUESTS = Number(values.requests);
const CONCURRENCY = Number(values.concurrency);
const REPLAYS = Math.min(Number(values.replays), REQUESTS);
const WARMUP = Number(values.warmup);
const TYPE_CODE = "web_monthly";

interface Checkout {
  userId: number;
  token: string;
  key: string;
}

const benchDatabase = benchServer();
if (!existsSync(".next/BUILD_ID")) {
  if (!values.build) {
    console.error("No production build: run `npm run build` first, or pass --build.");
    process.exit(1);
  }
  execFileSync("npx", ["next", "build"], { stdio: "inherit" });
}

await benchDatabase.create();
const connection = await connect(benchDatabase.url);
const db = connection.db;
let server: ReturnType<typeof startProcess> | undefined;
try {
  await migrateDatabase(connection);
  await seedDemoCatalog(db);
  // The seed leaves the pricing page alone once anything is offered; the bench buys web_monthly either way.
  await db
    .update(subscriptionTypes)
    .set({ offered: true })
    .where(eq(subscriptionTypes.code, TYPE_CODE));

  /** One customer per checkout, each with a user token (what POST /api/v1/users/login hands out). */
  async function customers(label: string, count: number): Promise<Checkout[]> {
    const list: Checkout[] = [];
    for (let i = 0; i < count; i++) {
      const user = await createUser(db, {
        email: `${label}-${i}@example.com`,
        name: `${label} ${i}`,
        source: "bench",
      });
      const { token } = await issueUserToken(db, { userId: user.id });
      list.push({
        userId: user.id,
        token,
        key: `bench-${label}-${i}-${randomBytes(6).toString("hex")}`,
      });
    }
    return list;
  }
  const warmups = await customers("warmup", WARMUP);
  const checkouts = await customers("buyer", REQUESTS);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = startProcess(
    "npx",
    ["next", "start", "--port", String(port)],
    {
      ...process.env,
      DATABASE_URL: benchDatabase.url,
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      NEXTAUTH_URL: base,
      NODE_ENV: "production",
    },
    "[next]",
  );
  await waitFor200(`${base}/api/v1/openapi.json`, server, 120_000);

  /** One checkout; fails the bench unless it answers 201 with the payment paid (and, on a replay, marked as one). */
  async function purchase(checkout: Checkout, replay: boolean): Promise<number> {
    const startedAt = performance.now();
    const response = await fetch(`${base}/api/v1/purchases`, {
      method: "POST",
      headers: { authorization: `Bearer ${checkout.token}`, "content-type": "application/json" },
      body: JSON.stringify({
        subscription_type_code: TYPE_CODE,
        recurrent: true,
        payment_token: "tok_visa",
        idempotency_key: checkout.key,
      }),
    });
    const text = await response.text();
    const ms = performance.now() - startedAt;
    const status =
      response.status === 201
        ? (JSON.parse(text) as { payment?: { status?: string } }).payment?.status
        : undefined;
    const replayed = response.headers.get("idempotent-replayed") === "true";
    if (status !== "paid" || replayed !== replay) {
      throw new Error(
        `POST /api/v1/purchases answered ${response.status} (replayed: ${replayed}): ${text.slice(0, 300)}`,
      );
    }
    return ms;
  }
  async function run(list: Checkout[], clients: number, replay = false) {
    const latencies: number[] = [];
    let next = 0;
    const startedAt = performance.now();
    await Promise.all(
      Array.from({ length: Math.min(clients, list.length) }, async () => {
        while (next < list.length) {
          const checkout = list[next++]!;
          latencies.push(await purchase(checkout, replay));
        }
      }),
    );
    return summarize(latencies, performance.now() - startedAt);
  }

  /** The measured customers' rows (the warm-up customers' are left out), and payments charged twice by anyone. */
  async function counts() {
    const count = sql<number>`count(*)::int`;
    const buyers = checkouts.map((checkout) => checkout.userId);
    const theirPayments = db
      .select({ id: payments.id })
      .from(payments)
      .where(inArray(payments.userId, buyers));
    const [paid] = await db
      .select({ n: count })
      .from(payments)
      .where(and(inArray(payments.userId, buyers), eq(payments.status, "paid")));
    const [ledger] = await db
      .select({ n: count })
      .from(demoGatewayCharges)
      .where(
        and(
          inArray(demoGatewayCharges.paymentId, theirPayments),
          eq(demoGatewayCharges.status, "paid"),
        ),
      );
    const [recurrent] = await db
      .select({ n: count })
      .from(recurrentPayments)
      .where(inArray(recurrentPayments.userId, buyers));
    const [allPayments] = await db
      .select({ n: count })
      .from(payments)
      .where(inArray(payments.userId, buyers));
    const [ledgerRows] = await db.select({ n: count }).from(demoGatewayCharges);
    const [doubled] = await db.select({ n: count }).from(
      db
        .select({ paymentId: demoGatewayCharges.paymentId })
        .from(demoGatewayCharges)
        .groupBy(demoGatewayCharges.paymentId)
        .having(sql`count(*) > 1`)
        .as("doubled"),
    );
    return {
      paid: paid?.n ?? 0,
      ledger: ledger?.n ?? 0,
      ledgerRows: ledgerRows?.n ?? 0,
      recurrent: recurrent?.n ?? 0,
      payments: allPayments?.n ?? 0,
      doubled: doubled?.n ?? 0,
    };
  }

  // Warm-up by other customers: the route is loaded and the pools are filled before anything is measured.
  await run(warmups, Math.min(4, CONCURRENCY));
  const measured = await run(checkouts, CONCURRENCY);
  const after = await counts();

  // Every tenth checkout (or so) again, same token, same key, same body.
  const replayed = checkouts
    .filter((_, i) => i % Math.max(1, Math.floor(REQUESTS / REPLAYS)) === 0)
    .slice(0, REPLAYS);
  const replay = await run(replayed, CONCURRENCY, true);
  const afterReplay = await counts();

  const problems: string[] = [];
  const check = (label: string, actual: number, wanted: number) => {
    const ok = actual === wanted;
    if (!ok) problems.push(`${label}: ${actual}, expected ${wanted}`);
    return `${String(actual).padStart(6)}  (expected ${wanted}${ok ? "" : " — WRONG"})`;
  };

  console.log(
    `\nPOST /api/v1/purchases (${TYPE_CODE}, tok_visa, recurrent), next start, ${connection.driver} on ${new URL(benchDatabase.url).host}`,
  );
  console.log(`  ${formatSummary(`${CONCURRENCY} concurrent clients`, measured)}`);
  console.log(
    `Counts over the ${REQUESTS} customers who bought (${WARMUP} warm-up checkouts by other customers before them are not counted):`,
  );
  console.log(
    `  payments paid                      ${check("payments paid", after.paid, REQUESTS)}`,
  );
  console.log(
    `  demo_gateway_charges paid          ${check("demo ledger paid rows", after.ledger, REQUESTS)}`,
  );
  console.log(
    `  recurrent payments created         ${check("recurrent payments", after.recurrent, REQUESTS)}`,
  );
  console.log(
    `  payments charged more than once    ${check("payments with two ledger rows", after.doubled, 0)}`,
  );
  console.log(
    `Replaying ${replayed.length} of those requests (same token, key and body) from ${CONCURRENCY} clients:`,
  );
  console.log(`  ${formatSummary("replays", replay)}`);
  console.log(
    `  demo_gateway_charges rows (all)    ${check("ledger rows after the replays", afterReplay.ledgerRows, after.ledgerRows)}`,
  );
  console.log(
    `  payments                           ${check("payments after the replays", afterReplay.payments, after.payments)}`,
  );
  console.log(
    `  recurrent payments                 ${check("recurrent payments after the replays", afterReplay.recurrent, after.recurrent)}`,
  );
  if (problems.length > 0) {
    console.error(`\nWrong counts:\n  ${problems.join("\n  ")}`);
    process.exitCode = 1;
  }
} finally {
  if (server) await stopProcess(server);
  await connection.close();
  if (!values.keep) await benchDatabase.drop();
}
