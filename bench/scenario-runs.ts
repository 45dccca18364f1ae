/**
 * `npm run bench:scenarios` (needs DATABASE_URL, a Postgres server): N users through the scenario
 * `event custom.bench_signup` → condition (email domain is example.com) → wait 1 day → email, on a fresh database,
 * through the local executor and the app's real serve endpoint (app/api/inngest/route.ts) on the virtual clock.
 * Prints total seconds (first outbox delivery → last run completed), node visits per second, runs completed, emails
 * logged, SQL statements per run; then as many bare single-row INSERTs as there are scenario_run_steps rows, in the
 * same run, and the ratio; then, per Inngest function, its executor runs, the executor → app calls and the memoized
 * steps per run (what Inngest Cloud would bill as executions: one per run plus one per step). Last, the protocol's
 * floor (bench/support/protocol-floor.ts: the same function shape with empty step bodies, same executor, SDK and
 * concurrency) and what remains of the total once it is subtracted, the engine's own work, with its ratio.
 * Options: --users N (default 10000), --concurrency N (executor jobs at once, default 32), --pool N (default 40).
 * With STATEMENT_LOG=1 in the environment, the runs' 40 most frequent statements are printed to stderr.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { and, count, countDistinct, eq, sql } from "drizzle-orm";
import pg from "pg";
import { advanceClock, DAY_MS, freezeClock, MINUTE_MS, now } from "@/lib/clock";
import { setDatabase, type Db } from "@/lib/db";
import { connect } from "@/lib/db/connect";
import { migrateDatabase } from "@/lib/db/migrate";
import {
  emailLog,
  events,
  scenarioRuns,
  scenarioRunSteps,
  scenarios,
  scenarioVersions,
  users,
} from "@/lib/db/schema";
import { saveEmailTemplate } from "@/lib/email/save-email-template";
import { deliverEvents } from "@/lib/events/deliver-events";
import type { ScenarioGraph } from "@/lib/scenarios/graph";
import { LocalExecutor } from "@/inngest/local/executor";
import { migrateLocalExecutor } from "@/inngest/local/migrate-local-executor";
import { localRuns, localSteps } from "@/inngest/local/schema";
import { serveRouteHandlers } from "../tests/support/http-adapter";
import { measureProtocolFloor } from "./support/protocol-floor";
import { countStatements, printFrequentStatements } from "./support/statement-count";

// The app's and the executor's statements (one process).
const statements = countStatements();

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "10000" },
    concurrency: { type: "string", default: "32" },
    pool: { type: "string", default: "40" },
  },
});
const USERS = Number(values.users);
const CONCURRENCY = Number(values.concurrency);
const POOL = Number(values.pool);
const EVENT = "custom.bench_signup";
const TEMPLATE = "bench_welcome";

const at = { x: 0, y: 0 };
const GRAPH: ScenarioGraph = {
  nodes: [
    { id: "t", type: "event", config: { event: EVENT }, position: at },
    {
      id: "c",
      type: "condition",
      config: {
        criteria: [{ kind: "user", key: "email_domain", operator: "is", value: "example.com" }],
      },
      position: at,
      openPorts: ["no"],
    },
    { id: "w", type: "wait", config: { minutes: 1440 }, position: at },
    { id: "mail", type: "email", config: { template: TEMPLATE }, position: at, openPorts: ["out"] },
  ],
  edges: [
    { id: "e1", from: "t", fromPort: "out", to: "c" },
    { id: "e2", from: "c", fromPort: "yes", to: "w" },
    { id: "e3", from: "w", fromPort: "out", to: "mail" },
  ],
};

async function main() {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("bench/scenario-runs needs DATABASE_URL (a Postgres server)");
  delete process.env.SMTP_URL; // the built-in mailbox transport: rendered and logged, sent to no one
  const name = `bench_scenarios_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
  const connection = await connect(url, { poolSize: POOL });
  setDatabase(connection); // the app's functions read getDb()
  try {
    await migrateDatabase(connection);
    await migrateLocalExecutor(connection);
    await bench(connection.db, url, serverUrl);
  } finally {
    await connection.close();
    // pool.end() resolves before its sockets are closed: a forced drop at once would make them report errors.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function setUp(db: Db) {
  freezeClock(new Date("2026-03-02T08:00:00Z"));
  const at = now().toISOString();
  await db.execute(sql`
    insert into ${users} (email, name, created_at)
    select 'bench-' || i || '@example.com', 'Bench ' || i, ${at}::timestamptz from generate_series(1, ${USERS}) as i`);
  await saveEmailTemplate(db, {
    code: TEMPLATE,
    name: "Bench welcome",
    subject: "Welcome",
    bodyHtml: "<p>Welcome</p>",
    bodyText: "Welcome",
  });
  const [scenario] = await db
    .insert(scenarios)
    .values({ name: "bench", status: "enabled", draftGraph: GRAPH, reentry: "always" })
    .returning();
  const [version] = await db
    .insert(scenarioVersions)
    .values({ scenarioId: scenario!.id, graph: GRAPH, number: 1 })
    .returning();
  await db
    .update(scenarios)
    .set({ currentVersionId: version!.id })
    .where(eq(scenarios.id, scenario!.id));
  await db.execute(sql`
    insert into ${events} (name, user_id, payload, occurred_at)
    select ${EVENT}, id, '{}'::jsonb, ${at}::timestamptz from ${users} order by id`);
  return scenario!.id;
}

async function bench(db: Db, databaseUrl: string, serverUrl: string) {
  const scenarioId = await setUp(db);
  const executor = new LocalExecutor({
    db,
    appUrl: "",
    port: 0,
    pollMs: 0,
    concurrency: CONCURRENCY,
    log: (line) => console.warn(`[executor] ${line}`),
  });
  process.env.INNGEST_DEV = await executor.start(); // before inngest/client.ts is first imported
  const route = await import("@/app/api/inngest/route");
  const calls = new Map<string, number>(); // executor → app calls per function id (the SDK's fnId parameter)
  const app = await serveRouteHandlers({
    ...route,
    POST: (request: Request, context: unknown) => {
      const fnId = new URL(request.url).searchParams.get("fnId") ?? "?";
      calls.set(fnId, (calls.get(fnId) ?? 0) + 1);
      return route.POST(request as never, context as never);
    },
  } as never);
  const synced = await executor.sync(app.url);
  if (!synced.ok) throw new Error(`sync failed: ${synced.message}`);
  await executor.drain(); // the executor starts counting cron ticks

  const started = performance.now();
  const statementsBefore = statements();
  let delivered = 0;
  for (
    let batch = await deliverEvents(db, { limit: 500 });
    batch.sent > 0;
    batch = await deliverEvents(db, { limit: 500 })
  ) {
    delivered += batch.sent;
    if (batch.failed > 0) throw new Error(`${batch.failed} events failed to send`);
  }
  const deliveredAt = performance.now();
  await executor.drain(100_000);
  const firstDrainAt = performance.now();
  advanceClock(DAY_MS + MINUTE_MS);
  await executor.drain(100_000);
  const seconds = (performance.now() - started) / 1000;
  const runStatements = statements() - statementsBefore;
  printFrequentStatements(); // STATEMENT_LOG=1: what the runs sent (setup's few statements included)
  await executor.stop();
  await app.close();

  const completedRuns = await countOf(
    db,
    scenarioRuns,
    and(eq(scenarioRuns.scenarioId, scenarioId), eq(scenarioRuns.status, "completed")),
  );
  const allRuns = await countOf(db, scenarioRuns, eq(scenarioRuns.scenarioId, scenarioId));
  const visits = await countOf(db, scenarioRunSteps, eq(scenarioRunSteps.scenarioId, scenarioId));
  const emails = await countOf(
    db,
    emailLog,
    and(eq(emailLog.templateCode, TEMPLATE), eq(emailLog.status, "sent")),
  );

  const raw = new pg.Client({ connectionString: databaseUrl });
  await raw.connect();
  await raw.query(
    "create table bench_insert (id bigserial primary key, run int not null, step text not null, data jsonb)",
  );
  const insertStarted = performance.now();
  for (let i = 0; i < visits; i++) {
    await raw.query("insert into bench_insert (run, step, data) values ($1, $2, $3)", [
      i,
      "step",
      JSON.stringify({ i }),
    ]);
  }
  const insertSeconds = (performance.now() - insertStarted) / 1000;
  await raw.end();

  const visitsPerSecond = visits / seconds;
  const insertsPerSecond = visits / insertSeconds;
  console.log(
    `scenario runs: ${USERS} users, event → condition → wait 1 day → email, executor concurrency ${CONCURRENCY}, pool ${POOL}`,
  );
  console.log(
    `  outbox delivered: ${delivered} events in ${((deliveredAt - started) / 1000).toFixed(2)} s; first drain (to the wait) done at ${((firstDrainAt - started) / 1000).toFixed(2)} s`,
  );
  console.log(
    `  total ${seconds.toFixed(2)} s (first delivery → last run completed)  ${(seconds / (USERS / 1000)).toFixed(2)} s per 1,000 users`,
  );
  console.log(
    `  ${visits} node visits  ${visitsPerSecond.toFixed(1)} visits/s  ${(completedRuns / seconds).toFixed(1)} runs/s`,
  );
  console.log(`  runs completed: ${completedRuns} of ${allRuns}  emails logged: ${emails}`);
  console.log(
    `  ${(runStatements / USERS).toFixed(2)} statements per run (the app's and the executor's, outbox and crons included)`,
  );
  console.log(
    `  ${visits} bare single-row INSERTs: ${insertSeconds.toFixed(2)} s  ${insertsPerSecond.toFixed(1)} rows/s`,
  );
  console.log(
    `  ratio (node visits/s : INSERTs/s) = 1 : ${(insertsPerSecond / visitsPerSecond).toFixed(1)}`,
  );
  const ok =
    completedRuns === USERS && allRuns === USERS && emails === USERS && visits === 4 * USERS;
  console.log(
    `  correctness: ${ok ? "OK" : "FAILED"} (expected ${USERS} runs completed, ${USERS} emails, ${4 * USERS} visits)`,
  );
  await printExecutorCounts(db, calls);
  if (!ok) process.exitCode = 1;

  const floor = await measureProtocolFloor(serverUrl, {
    runs: USERS,
    concurrency: CONCURRENCY,
    pool: POOL,
  });
  const ownSeconds = seconds - floor.seconds;
  const ownVisitsPerSecond = visits / ownSeconds;
  console.log(
    `  protocol floor (the same function shape with empty step bodies, same executor and SDK): ${floor.seconds.toFixed(2)} s, ${((1000 * floor.seconds) / USERS).toFixed(2)} ms per run`,
  );
  if (ownSeconds <= 0) {
    console.log("  the engine's own work: not measurable (the floor took as long as the runs)");
    return;
  }
  console.log(
    `  the engine's own work (total − floor): ${ownSeconds.toFixed(2)} s, ${((1000 * ownSeconds) / USERS).toFixed(2)} ms per run, ${((1000 * ownSeconds) / visits).toFixed(2)} ms per visit; ratio (own visits/s : INSERTs/s) = 1 : ${(insertsPerSecond / ownVisitsPerSecond).toFixed(1)}`,
  );
}

/** Per function: executor runs, executor → app calls and memoized steps (inngest_local.steps), per run. */
async function printExecutorCounts(db: Db, calls: Map<string, number>) {
  const rows = await db
    .select({
      functionId: localRuns.functionId,
      runs: countDistinct(localRuns.id),
      steps: count(localSteps.stepId),
    })
    .from(localRuns)
    .leftJoin(localSteps, eq(localSteps.runId, localRuns.id))
    .groupBy(localRuns.functionId)
    .orderBy(localRuns.functionId);
  console.log("  per function: runs, executor → app calls per run, memoized steps per run");
  for (const row of rows) {
    const n = calls.get(row.functionId) ?? 0;
    console.log(
      `    ${row.functionId}: ${row.runs} runs  ${(n / row.runs).toFixed(2)} calls/run  ${(row.steps / row.runs).toFixed(2)} steps/run`,
    );
  }
}

async function countOf(
  db: Db,
  table: typeof scenarioRuns | typeof scenarioRunSteps | typeof emailLog,
  where: ReturnType<typeof and>,
) {
  const [row] = await db.select({ n: count() }).from(table).where(where);
  return row?.n ?? 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
