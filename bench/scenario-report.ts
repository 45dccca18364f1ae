/**
 * `npm run bench:scenario-report` (needs DATABASE_URL, a Postgres server): the scenario report of a scenario with
 * 100,000 runs, on a fresh database of its own (created and dropped here).
 *
 * Seeds, set-based: `--runs` customers (100,000), one A/B scenario (trigger → A/B test → an email per variant) with a
 * 10 % holdout and a `payment.paid` conversion within 7 days, one run per customer spread over the last 30 days
 * (held-out runs as the engine makes them: finished, no visits; the others with their three visits), so the entry and
 * variant counters are filled by the database triggers as the engine's inserts fill them. Then every fifth customer
 * pays a day after entering, attributed through `attributeConversions` in batches of 100 events as the dispatcher
 * does (timed per batch). Then it times `getScenarioReport` (30 and 365 days): one warm-up run, then `--times` runs,
 * median and p95.
 *
 * `--keep` keeps the database (its URL is printed) for EXPLAIN.
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import pg from "pg";
import { chartWindow } from "@/lib/charts/chart-window";
import { DAY_MS, now } from "@/lib/clock";
import { connect } from "@/lib/db/connect";
import { migrateDatabase } from "@/lib/db/migrate";
import { rowsOf } from "@/lib/db/rows-of";
import {
  attributeConversions,
  type ConversionEvent,
} from "@/lib/scenarios/conversions/attribute-conversions";
import { getScenarioReport } from "@/lib/scenarios/conversions/get-scenario-report";
import { benchServer } from "./support/bench-database";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "100000" },
    times: { type: "string", default: "9" },
    keep: { type: "boolean", default: false },
  },
});
const RUNS = Number(values.runs);
const TIMES = Number(values.times);
const server = benchServer();

const GRAPH = {
  nodes: [
    { id: "t", type: "event", config: { event: "custom.signed_up" }, position: { x: 0, y: 0 } },
    {
      id: "ab",
      type: "ab_test",
      config: {
        variants: [
          { code: "A", name: "Short", percent: 50 },
          { code: "B", name: "Long", percent: 50 },
        ],
      },
      position: { x: 0, y: 120 },
    },
    {
      id: "ma",
      type: "email",
      config: { template: "welcome_a" },
      position: { x: -100, y: 240 },
      openPorts: ["out"],
    },
    {
      id: "mb",
      type: "email",
      config: { template: "welcome_b" },
      position: { x: 100, y: 240 },
      openPorts: ["out"],
    },
  ],
  edges: [
    { id: "e1", from: "t", fromPort: "out", to: "ab" },
    { id: "ea", from: "ab", fromPort: "variant:A", to: "ma" },
    { id: "eb", from: "ab", fromPort: "variant:B", to: "mb" },
  ],
};

/** The held-out draw of lib/scenarios/engine/holdout.ts, for scenario 1 and a 10 % share. */
const HELD_OUT = `(('x' || substr(md5('1:' || u.id::text), 1, 8))::bit(32)::bigint % 10000 < 1000)`;

const SEED_SQL = `
insert into users (email, created_at)
select 'bench-' || g || '@example.test', now() - interval '40 days' from generate_series(1, ${RUNS}) g;

insert into scenarios (id, name, status, draft_graph, reentry, conversion_event, conversion_window_days,
  holdout_percent)
overriding system value
values (1, 'Bench welcome', 'enabled', '${JSON.stringify(GRAPH)}'::jsonb, 'once', 'payment.paid', 7, 10);
insert into scenario_versions (id, scenario_id, number, graph)
overriding system value
values (1, 1, 1, '${JSON.stringify(GRAPH)}'::jsonb);
update scenarios set current_version_id = 1 where id = 1;

-- One run per customer over the last 30 days, as createRunsForEvents inserts them (one statement: the entry
-- trigger counts them once).
insert into scenario_runs (scenario_id, version_id, user_id, trigger_key, trigger_event, entry_node_ids, status,
  status_reason, holdout, created_at, updated_at, started_at, finished_at)
select 1, 1, u.id, 'event:bench-' || u.id, 'custom.signed_up', '["t"]'::jsonb,
  'completed', case when ${HELD_OUT} then 'holdout' end, ${HELD_OUT},
  now() - make_interval(days => u.id % 30, secs => u.id % 86400), now(), now(), now()
from users u where u.email like 'bench-%';

-- The treated runs' visits: trigger, A/B test (variant by the user id's parity), the variant's email.
insert into scenario_run_steps (run_id, scenario_id, version_id, node_id, node_type, step_key, visit, via_edge_id,
  entered_at, finished_at, outcome)
select r.id, 1, 1, v.node_id, v.node_type, '0/' || v.node_id || '/1', 1, v.via, r.created_at, r.created_at, v.outcome
from scenario_runs r
cross join lateral (values
  ('t', 'event', null, 'out'),
  ('ab', 'ab_test', 'e1', case when r.user_id % 2 = 0 then 'variant:A' else 'variant:B' end),
  (case when r.user_id % 2 = 0 then 'ma' else 'mb' end, 'email',
    case when r.user_id % 2 = 0 then 'ea' else 'eb' end, 'out')
) as v(node_id, node_type, via, outcome)
where not r.holdout;
`;

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

await server.create();
const connection = await connect(server.url, { poolSize: 4 });
const db = connection.db;
try {
  await migrateDatabase(connection);
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    const seeding = performance.now();
    await client.query(SEED_SQL);
    await client.query("vacuum analyze");
    console.log(
      `seeded ${RUNS.toLocaleString("en-US")} runs in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
    );
  } finally {
    await client.end();
  }

  // Every fifth customer pays a day after entering (a fifth of those a second time: only the first converts).
  const runs = rowsOf<{ user_id: number; created_at: string }>(
    await db.execute(
      sql`select user_id, created_at from scenario_runs where scenario_id = 1 order by id`,
    ),
  );
  const events: ConversionEvent[] = runs
    .filter((run) => run.user_id % 5 === 0)
    .map((run, i) => ({
      id: `bench-payment-${i}`,
      name: "payment.paid",
      userId: run.user_id,
      occurredAt: new Date(new Date(run.created_at).getTime() + DAY_MS),
      payload: { amount_cents: 990 + (run.user_id % 3) * 500 },
    }));
  const batchTimes: number[] = [];
  let converted = 0;
  const attributing = performance.now();
  for (let start = 0; start < events.length; start += 100) {
    const started = performance.now();
    converted += await attributeConversions(db, events.slice(start, start + 100));
    batchTimes.push(performance.now() - started);
  }
  batchTimes.sort((a, b) => a - b);
  console.log(
    `attributed ${events.length.toLocaleString("en-US")} payments (${converted.toLocaleString("en-US")} conversions) ` +
      `in ${((performance.now() - attributing) / 1000).toFixed(1)} s: per batch of 100 events median ` +
      `${percentile(batchTimes, 50).toFixed(1)} ms, p95 ${percentile(batchTimes, 95).toFixed(1)} ms`,
  );

  console.log(`\ngetScenarioReport: 1 warm-up run, then ${TIMES} runs (ms)`);
  for (const period of [30, 365] as const) {
    const window = chartWindow(now(), period);
    const report = await getScenarioReport(db, { scenarioId: 1, window });
    const times: number[] = [];
    for (let run = 0; run < TIMES; run++) {
      const started = performance.now();
      await getScenarioReport(db, { scenarioId: 1, window });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(
      `${String(period).padStart(3)} days: median ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms ` +
        `(treated ${report!.treated.entered}/${report!.treated.converted}, holdout ${report!.holdout.entered}/${report!.holdout.converted}, ` +
        `${report!.variants.length} variants)`,
    );
  }
} finally {
  await connection.close();
  if (values.keep) console.log(`\nkept ${server.url}`);
  else await server.drop();
}
