// Over 300 lines: one benchmark with its data generator, EXPLAIN capture and two measured scenarios kept together.
/**
 * `npm run bench:before-events` (needs DATABASE_URL, a Postgres server): the before-events tick over 1,000,000
 * subscriptions on a fresh database, for a scenario with a `subscription_ends` trigger 1 day before. Each 10-minute
 * window holds exactly 100 due subscriptions; the rest end over the next year or have already ended (ended_event_at
 * set). Prints, as medians over fresh windows: the whole tick (`startBeforeEventRuns`), its INSERT … SELECT alone
 * (`recordBeforeEventFires`), and a bare indexed count of the same range, with the ratios; then the INSERT … SELECT's
 * EXPLAIN (ANALYZE, BUFFERS), run in a transaction that is rolled back. Then big windows, each holding --big-due
 * (10,000) due subscriptions among the same million: the whole tick creating their runs, and its two INSERT … SELECTs
 * (occurrences, runs) timed alone on other big windows, against a bare indexed count of the same range, with ratios.
 * Both parts also write the same rows by a bare INSERT … SELECT into a table with the columns only (no key, index or
 * foreign key): the floor of writing them, with the ratio of the real statements to it.
 * Options: --subscriptions N (default 1000000), --users N (default 100000), --ticks N (default 20),
 * --big-due N (default 10000), --big-ticks N (default 3), --reentry always|once|once_per_days (default always: the
 * scenario's re-entry rule; the others take the per-(scenario, user) locks).
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { and, count, eq, gt, isNotNull, lte, sql, type SQL } from "drizzle-orm";
import pg from "pg";
import { DAY_MS, freezeClock, MINUTE_MS } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { connect } from "@/lib/db/connect";
import { migrateDatabase } from "@/lib/db/migrate";
import { z } from "zod";
import {
  scenarioBeforeEventFires,
  scenarioReentry,
  scenarioRuns,
  scenarios,
  scenarioVersions,
  subscriptions,
  users,
} from "@/lib/db/schema";
import {
  listBeforeEventNodes,
  recordBeforeEventFires,
} from "@/lib/scenarios/before-events/record-before-event-fires";
import { createBeforeEventRuns } from "@/lib/scenarios/before-events/create-before-event-runs";
import { startBeforeEventRuns } from "@/lib/scenarios/before-events/start-before-event-runs";
import type { ScenarioGraph } from "@/lib/scenarios/graph";
import { seedCatalog } from "../tests/integration/services/fixtures";

const { values } = parseArgs({
  options: {
    subscriptions: { type: "string", default: "1000000" },
    users: { type: "string", default: "100000" },
    ticks: { type: "string", default: "20" },
    "big-due": { type: "string", default: "10000" },
    "big-ticks": { type: "string", default: "3" },
    reentry: { type: "string", default: "always" },
  },
});
const SUBSCRIPTIONS = Number(values.subscriptions);
const USERS = Number(values.users);
const TICKS = Number(values.ticks);
const BIG_DUE = Number(values["big-due"]);
const BIG_TICKS = Number(values["big-ticks"]);
const REENTRY = z.enum(scenarioReentry.enumValues).parse(values.reentry);
const DUE_PER_WINDOW = 100;
const WINDOW_MS = 10 * MINUTE_MS;
/** Fresh small windows: TICKS whole ticks, TICKS INSERT … SELECTs alone, one for EXPLAIN. */
const WINDOWS = 2 * TICKS + 1;
/** Big windows follow the small ones: BIG_TICKS whole ticks, BIG_TICKS timed statement by statement. */
const BIG_WINDOWS = 2 * BIG_TICKS;
const T0 = new Date("2026-06-01T00:00:00Z");

const at = { x: 0, y: 0 };
const GRAPH: ScenarioGraph = {
  nodes: [
    {
      id: "t",
      type: "before_event",
      config: { trigger: "subscription_ends", minutes: 1440 },
      position: at,
    },
    {
      id: "mail",
      type: "email",
      config: { template: "reminder" },
      position: at,
      openPorts: ["out"],
    },
  ],
  edges: [{ id: "e1", from: "t", fromPort: "out", to: "mail" }],
};

const windowAt = (k: number) => ({
  from: new Date(T0.getTime() + k * WINDOW_MS),
  to: new Date(T0.getTime() + (k + 1) * WINDOW_MS),
});
const bigWindowAt = (b: number) => windowAt(WINDOWS + b);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main() {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl)
    throw new Error("bench/before-events-tick needs DATABASE_URL (a Postgres server)");
  const name = `bench_before_events_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const connection = await connect(
    Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString(),
    { poolSize: 4 },
  );
  try {
    await migrateDatabase(connection);
    await bench(connection.db);
  } finally {
    await connection.close();
    // pool.end() resolves before its sockets are closed: a forced drop at once would make them report errors.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/**
 * Subscription i ≤ WINDOWS·100 is due in window ⌊(i−1)/100⌋ (end_at 1 day + 5 s·(j+1) after the window starts); the
 * next BIG_WINDOWS·BIG_DUE are due in the big windows after them, BIG_DUE each (spread evenly over the window);
 * the rest: 3 in 5 ended in the past year (ended_event_at set), 2 in 5 end in the next year outside every window.
 */
async function load(db: Db) {
  freezeClock(T0);
  const t0 = T0.toISOString();
  const started = performance.now();
  await db.execute(sql`
    insert into ${users} (email, name, created_at)
    select 'tick-' || i || '@example.com', 'Tick ' || i, ${t0}::timestamptz - interval '2 years' from generate_series(1, ${USERS}) as i`);
  const { webMonth } = await seedCatalog(db);
  const smallDue = WINDOWS * DUE_PER_WINDOW;
  const due = smallDue + BIG_WINDOWS * BIG_DUE;
  const windowsEnd = ((WINDOWS + BIG_WINDOWS) * WINDOW_MS) / MINUTE_MS + 1440;
  const bigStepMs = Math.floor(WINDOW_MS / (BIG_DUE + 1)); // every end inside its window, whole milliseconds
  await db.execute(sql`
    with base as (select min(id) as first_user from ${users}),
    spread as (
      select i, (i::bigint * 7919) % 525600 as m, i % 5 < 3 as ended from generate_series(1, ${SUBSCRIPTIONS}) as i
    ),
    dated as (
      select i, ended and i > ${due} as ended,
        case
          when i <= ${smallDue} then ${t0}::timestamptz + interval '1 day'
            + ((i - 1) / ${DUE_PER_WINDOW}) * ${WINDOW_MS / 1000} * interval '1 second' + ((i - 1) % ${DUE_PER_WINDOW} + 1) * interval '5 seconds'
          when i <= ${due} then ${t0}::timestamptz + interval '1 day'
            + (${WINDOWS} + (i - ${smallDue} - 1) / ${BIG_DUE}) * ${WINDOW_MS / 1000} * interval '1 second'
            + ((i - ${smallDue} - 1) % ${BIG_DUE} + 1) * ${bigStepMs} * interval '1 millisecond'
          when ended then ${t0}::timestamptz - (m + 1) * interval '1 minute'
          when m between 1440 and ${windowsEnd + 10} then ${t0}::timestamptz + (m + 1440) * interval '1 minute'
          else ${t0}::timestamptz + (m + 1) * interval '1 minute'
        end as end_at
      from spread
    )
    insert into ${subscriptions} (user_id, subscription_type_id, start_at, end_at, is_paid, started_event_at, ended_event_at, created_at, updated_at)
    select base.first_user + i % ${USERS}, ${webMonth.id}, end_at - interval '31 days', end_at, true,
      end_at - interval '31 days', case when ended then end_at end, ${t0}::timestamptz, ${t0}::timestamptz
    from dated, base`);
  await db.execute(sql`analyze`);
  const [scenario] = await db
    .insert(scenarios)
    .values({
      name: "bench",
      status: "enabled",
      draftGraph: GRAPH,
      reentry: REENTRY,
      reentryDays: 1,
    })
    .returning();
  const [version] = await db
    .insert(scenarioVersions)
    .values({ scenarioId: scenario!.id, graph: GRAPH, number: 1 })
    .returning();
  await db
    .update(scenarios)
    .set({ currentVersionId: version!.id })
    .where(eq(scenarios.id, scenario!.id));
  const [ended] = await db
    .select({ n: count() })
    .from(subscriptions)
    .where(isNotNull(subscriptions.endedEventAt));
  console.log(
    `loaded ${USERS} users, ${SUBSCRIPTIONS} subscriptions (${ended?.n} already ended) in ${((performance.now() - started) / 1000).toFixed(1)} s, analyzed`,
  );
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

async function firesIn(db: Db, window: { from: Date; to: Date }) {
  const [row] = await db
    .select({ n: count() })
    .from(scenarioBeforeEventFires)
    .where(
      and(
        gt(scenarioBeforeEventFires.dueAt, window.from),
        lte(scenarioBeforeEventFires.dueAt, window.to),
      ),
    );
  return row?.n ?? 0;
}

/** The rows of the bare count: the same end_at range the tick's join reads through subscriptions_end_idx. */
async function bareCount(db: Db, window: { from: Date; to: Date }): Promise<number> {
  const result = (await db.execute(sql`
    select count(*)::int as n from ${subscriptions}
    where end_at > ${new Date(window.from.getTime() + DAY_MS).toISOString()}::timestamptz
      and end_at <= ${new Date(window.to.getTime() + DAY_MS).toISOString()}::timestamptz`)) as unknown as {
    rows: { n: number }[];
  };
  return result.rows[0]?.n ?? 0;
}

async function createBareFiresTable(db: Db): Promise<void> {
  await db.execute(sql`
    create table if not exists bench_bare_fires (
      scenario_id int, node_id text, trigger text, entity_id int, entity_date timestamptz, user_id int,
      due_at timestamptz, payload jsonb, created_at timestamptz)`);
}

/**
 * The floor of writing a window's occurrences: the same rows the occurrences INSERT … SELECT writes (its columns, its
 * payload built the same way) from the same end_at range, into a table with those columns and nothing else — no
 * primary key, no index, no foreign key, no conflict check (`createBareFiresTable`). Returns the rows written.
 */
async function bareInsertSelect(db: Db, window: { from: Date; to: Date }): Promise<number> {
  const day = sql`date_trunc('milliseconds', s.end_at)`;
  const result = (await db.execute(sql`
    insert into bench_bare_fires
      (scenario_id, node_id, trigger, entity_id, entity_date, user_id, due_at, payload, created_at)
    select 1, 'before', 'subscription_ends', s.id, ${day}, s.user_id, s.end_at - interval '1 day',
      jsonb_build_object('subscription_id', s.id, 'payment_id', s.payment_id, 'before', jsonb_build_object(
        'trigger', 'subscription_ends', 'entity_id', s.id,
        'entity_date', to_char(${day} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))),
      now()
    from ${subscriptions} s
    where s.end_at > ${new Date(window.from.getTime() + DAY_MS).toISOString()}::timestamptz
      and s.end_at <= ${new Date(window.to.getTime() + DAY_MS).toISOString()}::timestamptz`)) as unknown as {
    rowCount: number | null;
  };
  return result.rowCount ?? 0;
}

/**
 * The runs a window must create: its due subscriptions whose access ends, i.e. no other subscription of the user
 * starts by the end and ends after it (the scenario's node fires when access ends, the default).
 */
async function accessEndingIn(db: Db, window: { from: Date; to: Date }): Promise<number> {
  const result = (await db.execute(sql`
    select count(*)::int as n from ${subscriptions} s
    where s.end_at > ${new Date(window.from.getTime() + DAY_MS).toISOString()}::timestamptz
      and s.end_at <= ${new Date(window.to.getTime() + DAY_MS).toISOString()}::timestamptz
      and not exists (select 1 from ${subscriptions} o
        where o.user_id = s.user_id and o.id <> s.id and o.start_at <= s.end_at and o.end_at > s.end_at)`)) as unknown as {
    rows: { n: number }[];
  };
  return result.rows[0]?.n ?? 0;
}

class Rollback extends Error {}

/** Run `recordBeforeEventFires` with every statement it executes prefixed by EXPLAIN (ANALYZE, BUFFERS); roll back. */
async function explainInsertSelect(db: Db, window: { from: Date; to: Date }): Promise<string[]> {
  const lines: string[] = [];
  const nodes = await listBeforeEventNodes(db);
  await db
    .transaction(async (tx) => {
      const explaining = new Proxy(tx, {
        get(target, prop, receiver) {
          if (prop !== "execute") return Reflect.get(target, prop, receiver) as unknown;
          return async (query: SQL) => {
            const result = (await target.execute(
              sql`explain (analyze, buffers) ${query}`,
            )) as unknown as { rows: { "QUERY PLAN": string }[] };
            lines.push(...result.rows.map((row) => row["QUERY PLAN"]));
            return result;
          };
        },
      });
      await recordBeforeEventFires(explaining as unknown as Db, nodes, window);
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return lines;
}

async function bench(db: Db) {
  await load(db);
  const problems: string[] = [];
  const ticks: number[] = [];
  for (let k = 0; k < TICKS; k++) {
    const expected = await accessEndingIn(db, windowAt(k));
    const { ms, result } = await timed(() => startBeforeEventRuns(db, windowAt(k)));
    if (result.length !== expected)
      problems.push(`tick ${k} started ${result.length} runs, not ${expected}`);
    ticks.push(ms);
  }
  const inserts: number[] = [];
  const nodes = await listBeforeEventNodes(db);
  for (let k = TICKS; k < 2 * TICKS; k++) {
    const { ms } = await timed(() => recordBeforeEventFires(db, nodes, windowAt(k)));
    const fires = await firesIn(db, windowAt(k));
    if (fires !== DUE_PER_WINDOW) problems.push(`insert-select ${k} recorded ${fires} fires`);
    inserts.push(ms);
  }
  const counts: number[] = [];
  for (let k = 0; k < TICKS; k++) {
    const { ms, result } = await timed(() => bareCount(db, windowAt(k)));
    if (result !== DUE_PER_WINDOW) problems.push(`count ${k} found ${result}`);
    counts.push(ms);
  }
  await createBareFiresTable(db);
  const bareInserts: number[] = [];
  for (let k = 0; k < TICKS; k++) {
    const { ms, result } = await timed(() => bareInsertSelect(db, windowAt(k)));
    if (result !== DUE_PER_WINDOW) problems.push(`bare insert-select ${k} wrote ${result}`);
    bareInserts.push(ms);
  }
  const plan = await explainInsertSelect(db, windowAt(2 * TICKS));

  const [tick, insert, bare, bareInsert] = [
    median(ticks),
    median(inserts),
    median(counts),
    median(bareInserts),
  ];
  console.log(
    `before-events tick: ${SUBSCRIPTIONS} subscriptions, ${DUE_PER_WINDOW} due per 10-minute window, trigger 1 day before subscription_ends, re-entry ${REENTRY}`,
  );
  console.log(
    `  whole tick (startBeforeEventRuns: list nodes, INSERT … SELECT, runs created for the ${DUE_PER_WINDOW} due whose access ends): median ${tick.toFixed(1)} ms over ${TICKS} ticks (min ${Math.min(...ticks).toFixed(1)}, max ${Math.max(...ticks).toFixed(1)})`,
  );
  console.log(
    `  INSERT … SELECT alone (recordBeforeEventFires): median ${insert.toFixed(2)} ms over ${TICKS} windows (min ${Math.min(...inserts).toFixed(2)}, max ${Math.max(...inserts).toFixed(2)})`,
  );
  console.log(
    `  bare indexed count of the same range: median ${bare.toFixed(2)} ms over ${TICKS} windows (min ${Math.min(...counts).toFixed(2)}, max ${Math.max(...counts).toFixed(2)})`,
  );
  console.log(
    `  bare INSERT … SELECT of the same rows (a table with the columns only: no key, index or foreign key): median ${bareInsert.toFixed(2)} ms over ${TICKS} windows`,
  );
  console.log(
    `  ratio whole tick : count = ${(tick / bare).toFixed(1)} : 1   INSERT … SELECT : count = ${(insert / bare).toFixed(1)} : 1   INSERT … SELECT : bare INSERT … SELECT = ${(insert / bareInsert).toFixed(1)} : 1`,
  );
  console.log(
    `  run creation (whole tick − INSERT … SELECT) ≈ ${(tick - insert).toFixed(1)} ms, ${((tick - insert) / DUE_PER_WINDOW).toFixed(2)} ms per run`,
  );
  console.log("EXPLAIN (ANALYZE, BUFFERS) of the tick's INSERT … SELECT (rolled back):");
  for (const line of plan) console.log(`  ${line}`);
  const usesIndex = plan.some((line) => line.includes("subscriptions_end_idx"));
  const seqScan = plan.some((line) => /Seq Scan on subscriptions/.test(line));
  console.log(
    `  uses subscriptions_end_idx: ${usesIndex ? "yes" : "NO"}${seqScan ? " — seq scan on subscriptions!" : ""}`,
  );
  await benchBigWindows(db, problems);
  console.log(`  correctness: ${problems.length === 0 ? "OK" : `FAILED (${problems.join("; ")})`}`);
  if (problems.length > 0 || !usesIndex) process.exitCode = 1;
}

/** Big windows: BIG_DUE due subscriptions each, the whole tick creating their runs against a bare count of the range. */
async function benchBigWindows(db: Db, problems: string[]) {
  // The tables the ticks write started empty: statistics as a production table has them, and the sessions' cached
  // foreign-key check plans (made when scenario_runs was empty) planned again, as they would be for a big table.
  await db.execute(sql`analyze ${scenarioRuns}, ${scenarioBeforeEventFires}`);
  const ticks: number[] = [];
  for (let b = 0; b < BIG_TICKS; b++) {
    const expected = await accessEndingIn(db, bigWindowAt(b));
    const { ms, result } = await timed(() => startBeforeEventRuns(db, bigWindowAt(b)));
    if (result.length !== expected)
      problems.push(`big tick ${b} started ${result.length} runs, not ${expected}`);
    ticks.push(ms);
  }
  const fireInserts: number[] = [];
  const runInserts: number[] = [];
  const nodes = await listBeforeEventNodes(db);
  for (let b = BIG_TICKS; b < 2 * BIG_TICKS; b++) {
    const expected = await accessEndingIn(db, bigWindowAt(b));
    fireInserts.push((await timed(() => recordBeforeEventFires(db, nodes, bigWindowAt(b)))).ms);
    const { ms, result } = await timed(() => createBeforeEventRuns(db, nodes, bigWindowAt(b)));
    if (result !== expected)
      problems.push(`big window ${b} created ${result} runs, not ${expected}`);
    runInserts.push(ms);
  }
  const counts: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (let b = 0; b < BIG_WINDOWS; b++) {
      const { ms, result } = await timed(() => bareCount(db, bigWindowAt(b)));
      if (result !== BIG_DUE) problems.push(`big count ${b} found ${result}`);
      counts.push(ms);
    }
  }
  const bareInserts: number[] = [];
  for (let b = 0; b < BIG_TICKS; b++) {
    const { ms, result } = await timed(() => bareInsertSelect(db, bigWindowAt(b)));
    if (result !== BIG_DUE) problems.push(`big bare insert-select ${b} wrote ${result}`);
    bareInserts.push(ms);
  }
  const [tick, fireInsert, runInsert, bare, bareInsert] = [
    median(ticks),
    median(fireInserts),
    median(runInserts),
    median(counts),
    median(bareInserts),
  ];
  console.log(
    `big windows: ${BIG_DUE} due subscriptions per window among ${SUBSCRIPTIONS}, ${BIG_TICKS} windows`,
  );
  console.log(
    `  whole tick (startBeforeEventRuns, runs created for the ${BIG_DUE} due whose access ends): median ${tick.toFixed(1)} ms (min ${Math.min(...ticks).toFixed(1)}, max ${Math.max(...ticks).toFixed(1)}), ${((tick * 1000) / BIG_DUE).toFixed(1)} µs per run`,
  );
  console.log(
    `  bare indexed count of the same range: median ${bare.toFixed(2)} ms over ${counts.length} counts (min ${Math.min(...counts).toFixed(2)}, max ${Math.max(...counts).toFixed(2)})`,
  );
  console.log(
    `  occurrences INSERT … SELECT alone (recordBeforeEventFires): median ${fireInsert.toFixed(1)} ms over ${BIG_TICKS} windows (min ${Math.min(...fireInserts).toFixed(1)}, max ${Math.max(...fireInserts).toFixed(1)})`,
  );
  console.log(
    `  runs INSERT … SELECT alone (createBeforeEventRuns): median ${runInsert.toFixed(1)} ms over ${BIG_TICKS} windows (min ${Math.min(...runInserts).toFixed(1)}, max ${Math.max(...runInserts).toFixed(1)})`,
  );
  console.log(
    `  bare INSERT … SELECT of the same rows (a table with the columns only: no key, index or foreign key): median ${bareInsert.toFixed(1)} ms over ${BIG_TICKS} windows (min ${Math.min(...bareInserts).toFixed(1)}, max ${Math.max(...bareInserts).toFixed(1)})`,
  );
  console.log(
    `  ratio whole tick : count = ${(tick / bare).toFixed(1)} : 1   occurrences INSERT … SELECT : count = ${(fireInsert / bare).toFixed(1)} : 1   runs INSERT … SELECT : count = ${(runInsert / bare).toFixed(1)} : 1`,
  );
  console.log(
    `  ratio occurrences INSERT … SELECT : bare INSERT … SELECT = ${(fireInsert / bareInsert).toFixed(1)} : 1   runs INSERT … SELECT : bare INSERT … SELECT = ${(runInsert / bareInsert).toFixed(1)} : 1`,
  );
  console.log(`  whole tick under 1 s: ${tick < 1000 ? "yes" : "NO"}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
