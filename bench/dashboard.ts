/**
 * `npm run bench:dashboard` (needs DATABASE_URL, a Postgres server): the admin dashboard's chart queries at a
 * million payments, on a fresh database of its own (created and dropped here).
 *
 * Seeds, set-based (one INSERT … SELECT per table): ~141,000 customers, each with a chain of renewals — monthly (31
 * days, 8.5 payments on average) or, every fifth, yearly — over the last two and a half years, ~1,000,000 payments
 * in all: paid, some refunded, and a last renewal declined for 40 % of the chains (the customer churns). Every paid
 * payment has its subscription (a renewal's continues the previous one) and its recurrent payment; renewals point
 * at the recurrent payment that charged them. Then it times each dashboard series (lib/dashboard/get-*-series.ts)
 * for 30, 90 and 365 days: one warm-up run, then `--runs` runs, median and p95.
 *
 * `--after-migrate "<sql>"` runs statements after the migrations (to try an index before it becomes one);
 * `--users` changes the size; `--keep` keeps the database (its URL is printed) for EXPLAIN, and `--database <url>`
 * times such a kept database again without seeding (nor dropping) it.
 */
import { parseArgs } from "node:util";
import pg from "pg";
import { CHART_PERIODS } from "@/lib/charts/chart-period";
import { chartWindow } from "@/lib/charts/chart-window";
import { now } from "@/lib/clock";
import { getDashboardStats } from "@/lib/dashboard/get-dashboard-stats";
import { getMrrSeries } from "@/lib/dashboard/get-mrr-series";
import { getRenewalRateSeries } from "@/lib/dashboard/get-renewal-rate-series";
import { getRevenueSeries } from "@/lib/dashboard/get-revenue-series";
import { getSubscriptionFlowSeries } from "@/lib/dashboard/get-subscription-flow-series";
import { connect } from "@/lib/db/connect";
import { migrateDatabase } from "@/lib/db/migrate";
import { benchServer } from "./support/bench-database";

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "141000" },
    runs: { type: "string", default: "9" },
    "after-migrate": { type: "string" },
    keep: { type: "boolean", default: false },
    database: { type: "string" },
  },
});
const USERS = Number(values.users);
const RUNS = Number(values.runs);

const server = benchServer();

/** Deterministic "random" numbers per customer: hashes of the user id, so every run seeds the same data. */
const SEED_SQL = `
set session_replication_role = replica; -- no audit trigger nor foreign key checks while bulk loading

insert into subscription_types (code, name, length_days, price_cents)
values ('bench_monthly', 'Bench monthly', 31, 990), ('bench_yearly', 'Bench yearly', 365, 4990);

insert into users (email, created_at)
select 'bench-' || g || '@example.test', now() - interval '1000 days' from generate_series(1, ${USERS}) g;

-- A chain per customer: monthly (8.5 payments on average) or, every fifth customer, yearly (1.5).
create temporary table plan as
with customers as (
  select u.id as user_id,
    (u.id % 5 = 0) as yearly,
    abs(hashint4(u.id)) as h1, abs(hashint4(u.id + 1000003)) as h2, abs(hashint4(u.id + 2000003)) as h3
  from users u where u.email like 'bench-%'
), chains as (
  select user_id, yearly, h3,
    case when yearly then 1 + h1 % 2 else 1 + h1 % 16 end as length,
    case when yearly then 365 else 31 end as days,
    h2 % 200 as idle_days
  from customers
)
select c.user_id, c.days, k, k = c.length - 1 as last,
  now() - make_interval(days => (c.length - 1 - k) * c.days + c.idle_days)
    - make_interval(secs => c.h3 % 86400) as at,
  case
    when k > 0 and k = c.length - 1 and c.h3 % 10 < 4 then 'fail'
    when (c.h3 + k) % 50 = 0 then 'refund'
    else 'paid'
  end::payment_status as status
from chains c, generate_series(0, c.length - 1) k;

insert into payments (user_id, amount_cents, status, gateway, paid_at, refunded_at, created_at, updated_at)
select p.user_id, case when p.days = 31 then 990 else 4990 end, p.status, 'demo',
  case when p.status <> 'fail' then p.at end,
  case when p.status = 'refund' then p.at + interval '2 days' end, p.at, p.at
from plan p order by p.user_id, p.k;

insert into payment_items (payment_id, type, subscription_type_id, name, amount_cents)
select p.id, 'subscription_type', t.id, t.name, p.amount_cents
from payments p join subscription_types t on t.price_cents = p.amount_cents and t.code like 'bench_%';

-- A subscription per payment that was paid; a refunded one was stopped two days in.
insert into subscriptions (user_id, subscription_type_id, start_at, end_at, kind, is_paid, payment_id,
  created_at, updated_at)
select p.user_id, i.subscription_type_id, p.paid_at,
  case when p.status = 'refund' then p.refunded_at else p.paid_at + make_interval(days => t.length_days) end,
  'regular', true, p.id, p.paid_at, p.paid_at
from payments p
join payment_items i on i.payment_id = p.id
join subscription_types t on t.id = i.subscription_type_id
where p.status in ('paid', 'refund');

-- Each paid payment's recurrent payment: charged by the next payment of the chain, declined, or still active.
with chained as (
  select p.id, p.user_id, p.status, p.paid_at, i.subscription_type_id, t.length_days,
    lead(p.id) over w as next_id, lead(p.status) over w as next_status
  from payments p
  join payment_items i on i.payment_id = p.id
  join subscription_types t on t.id = i.subscription_type_id
  window w as (partition by p.user_id order by p.created_at)
)
insert into recurrent_payments (user_id, card_token, gateway, parent_payment_id, payment_id, subscription_type_id,
  charge_at, state, created_at, updated_at)
select user_id, 'tok_visa', 'demo', id, next_id, subscription_type_id,
  paid_at + make_interval(days => length_days),
  (case when next_id is null then 'active' when next_status = 'fail' then 'charge_failed' else 'charged' end)::recurrent_state,
  paid_at, paid_at
from chained where status = 'paid' or next_id is not null;

-- A renewal points at the recurrent payment that charged it.
update payments p set recurrent_payment_id = r.id from recurrent_payments r where r.payment_id = p.id;

set session_replication_role = origin;
`;

/** A fresh database: migrated, then seeded set-based. */
async function seed() {
  await migrateDatabase(connection);
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    if (values["after-migrate"]) {
      console.log(`after the migrations: ${values["after-migrate"]}`);
      await client.query(values["after-migrate"]);
    }
    const seeding = performance.now();
    await client.query(SEED_SQL);
    await client.query("vacuum analyze");
    const counts = await client.query<{
      payments: string;
      subscriptions: string;
      renewals: string;
    }>(
      `select (select count(*) from payments) as payments, (select count(*) from subscriptions) as subscriptions,
      (select count(*) from payments where recurrent_payment_id is not null) as renewals`,
    );
    const row = counts.rows[0];
    console.log(
      `seeded ${Number(row?.payments).toLocaleString("en-US")} payments (${Number(row?.renewals).toLocaleString("en-US")} renewal charges), ` +
        `${Number(row?.subscriptions).toLocaleString("en-US")} subscriptions, ${USERS.toLocaleString("en-US")} customers ` +
        `in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
    );
  } finally {
    await client.end();
  }
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const seeded = values.database;
if (!seeded) await server.create();
const connection = await connect(seeded ?? server.url, { poolSize: 4 });
const db = connection.db;
try {
  if (!seeded) await seed();

  const queries = {
    revenue: getRevenueSeries,
    mrr: getMrrSeries,
    "new/churned": getSubscriptionFlowSeries,
    "renewal rate": getRenewalRateSeries,
  } as const;
  console.log(`\neach query: 1 warm-up run, then ${RUNS} runs (ms)`);
  console.log(
    `${"query".padEnd(14)} ${"days".padStart(4)} ${"median".padStart(8)} ${"p95".padStart(8)}  points`,
  );
  for (const [name, query] of Object.entries(queries)) {
    for (const period of CHART_PERIODS) {
      const window = chartWindow(now(), period);
      const points = await query(db, window);
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const started = performance.now();
        await query(db, window);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      console.log(
        `${name.padEnd(14)} ${String(period).padStart(4)} ${percentile(times, 50).toFixed(1).padStart(8)} ${percentile(times, 95).toFixed(1).padStart(8)}  ${points.length}`,
      );
    }
  }
  const stats: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await getDashboardStats(db);
    stats.push(performance.now() - started);
  }
  stats.sort((a, b) => a - b);
  console.log(
    `${"tiles".padEnd(14)} ${"30".padStart(4)} ${percentile(stats, 50).toFixed(1).padStart(8)} ${percentile(stats, 95).toFixed(1).padStart(8)}`,
  );
} finally {
  await connection.close();
  if (values.keep) console.log(`\nkept ${server.url}`);
  else if (!seeded) await server.drop();
}
