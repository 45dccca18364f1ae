/**
 * `npm run bench:upgrades` (needs DATABASE_URL, a Postgres server): the offers of one user (`listUpgradeOffers`, what
 * `/account/upgrade` and `GET /api/v1/upgrades` call) whose subscription type's schema has 1, 5 and 20 options, on a
 * fresh database with the demo catalog and --users customers holding subscriptions. Prints per schema size the median
 * and p95 milliseconds over --iterations calls, and the SQL queries one call issues (counted at the pg driver): the
 * count must not grow with the number of options.
 */
import { parseArgs } from "node:util";
import pg from "pg";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { DAY_MS, freezeClock } from "@/lib/clock";
import { connect } from "@/lib/db/connect";
import { migrateDatabase } from "@/lib/db/migrate";
import {
  subscriptionTypes,
  subscriptionTypeUpgradeSchemas,
  upgradeOptions,
  upgradeSchemas,
} from "@/lib/db/schema";
import { createPayment } from "@/lib/payments/create-payment";
import { markPaymentPaid } from "@/lib/payments/mark-payment-paid";
import { createUser } from "@/lib/users/create-user";
import {
  UPGRADE_TYPES,
  upgradeOptionConfigSchema,
  type UpgradeOptionConfigInput,
} from "@/lib/upgrades/option-config";
import { listUpgradeOffers } from "@/lib/upgrades/list-upgrade-offers";
import { seedDemoCatalog } from "@/scripts/seed/demo-catalog";
import { eq, inArray } from "drizzle-orm";
import { benchServer } from "./support/bench-database";

const { values } = parseArgs({
  options: {
    iterations: { type: "string", default: "500" },
    users: { type: "string", default: "2000" },
  },
});
const ITERATIONS = Number(values.iterations);
const USERS = Number(values.users);
const SIZES = [1, 5, 20];
const T0 = new Date("2026-06-01T08:00:00Z");

const server = benchServer();

// Every statement reaches Postgres through pg.Client#query (a pool hands its query to a client).
let queries = 0;
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
  queries++;
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

/** A spread of options: every method, content added alone and together, monthly fixes and tagged variants. */
function optionsFor(
  count: number,
): { type: (typeof UPGRADE_TYPES)[number]; config: UpgradeOptionConfigInput }[] {
  const contents = [["print"], ["club"], ["print", "club"]];
  return Array.from({ length: count }, (_, i) => {
    const config: UpgradeOptionConfigInput = {
      require_content: contents[i % contents.length] ?? ["print"],
    };
    if (i % 4 === 1) config.monthly_fix = 100 + i * 10;
    if (i % 5 === 4) config.require_tags = ["black-friday"];
    return { type: UPGRADE_TYPES[i % UPGRADE_TYPES.length] ?? "short", config };
  });
}

await server.create();
const connection = await connect(server.url);
const db = connection.db;
try {
  await migrateDatabase(connection);
  await seedDemoCatalog(db);
  freezeClock(T0);
  // The population: customers holding monthly and yearly subscriptions, a third of them renewed by card.
  const codes = ["web_monthly", "web_yearly", "web_print_monthly", "club_monthly"];
  let benchUserId = 0;
  for (let i = 0; i < USERS; i++) {
    const user = await createUser(db, { email: `bench-${i}@example.com`, name: `Bench ${i}` });
    const code = i === 0 ? "web_monthly" : (codes[i % codes.length] ?? "web_monthly");
    const card = i === 0 || i % 3 === 0 ? "tok_visa" : null;
    const { payment } = await createPayment(db, {
      userId: user.id,
      gateway: "demo",
      items: [{ subscriptionTypeCode: code }],
      recurrentCardToken: card,
    });
    await markPaymentPaid(db, { paymentId: payment.id, actor: SYSTEM_ACTOR });
    if (i === 0) benchUserId = user.id;
  }
  freezeClock(new Date(T0.getTime() + DAY_MS));
  const linked = await db
    .select({ id: subscriptionTypes.id })
    .from(subscriptionTypes)
    .where(inArray(subscriptionTypes.code, ["web_monthly", "web_yearly"]));

  console.log(
    `Offers for one user (web_monthly renewed by card), ${USERS} customers, ${ITERATIONS} calls per size, ${connection.driver}:`,
  );
  for (const size of SIZES) {
    await db.delete(upgradeSchemas);
    const [schema] = await db
      .insert(upgradeSchemas)
      .values({ name: `Bench ${size}` })
      .returning();
    if (!schema) throw new Error("insert returned no row");
    await db.insert(upgradeOptions).values(
      optionsFor(size).map((option) => ({
        upgradeSchemaId: schema.id,
        type: option.type,
        config: upgradeOptionConfigSchema.parse(option.config),
      })),
    );
    await db
      .insert(subscriptionTypeUpgradeSchemas)
      .values(linked.map((type) => ({ subscriptionTypeId: type.id, upgradeSchemaId: schema.id })));

    for (let i = 0; i < 20; i++) await listUpgradeOffers(db, { userId: benchUserId }); // warm up
    queries = 0;
    const first = await listUpgradeOffers(db, { userId: benchUserId });
    const perCall = queries;
    const latencies: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const started = performance.now();
      await listUpgradeOffers(db, { userId: benchUserId });
      latencies.push(performance.now() - started);
    }
    latencies.sort((a, b) => a - b);
    const rank = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? NaN;
    console.log(
      `  ${String(size).padStart(2)} options: ${first.offers.length} offers  median ${rank(50).toFixed(2)} ms  p95 ${rank(95).toFixed(2)} ms` +
        `  ${perCall} SQL queries per call`,
    );
  }
  const [check] = await db
    .select({ id: upgradeSchemas.id })
    .from(upgradeSchemas)
    .where(eq(upgradeSchemas.name, "Bench 20"));
  if (!check) throw new Error("the 20-option schema is missing");
} finally {
  pg.Client.prototype.query = originalQuery;
  await connection.close();
  await server.drop();
}
