/**
 * `npm run bench:executor` (needs DATABASE_URL, a Postgres server): the local executor's throughput and latency.
 *  1. N runs of a 5-step function (4 step.run + one 1-day step.sleep on the virtual clock): runs/s and steps/s,
 *     beside N×5 bare single-row INSERTs on the same database in the same process, and the ratio.
 *  2. Event send → first step body: median and p95, with the executor's background loop as in development, with SDK
 *     checkpointing (the default, as on Inngest Cloud) and with one step per call.
 * Options: --runs N (default 500), --latency-samples N (default 200).
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { Inngest } from "inngest";
import { serve } from "inngest/next";
import { count, eq } from "drizzle-orm";
import pg from "pg";
import { advanceClock, DAY_MS, freezeClock } from "@/lib/clock";
import { connect } from "@/lib/db/connect";
import { migrateDatabase } from "@/lib/db/migrate";
import { LocalExecutor } from "@/inngest/local/executor";
import { migrateLocalExecutor } from "@/inngest/local/migrate-local-executor";
import { localRuns } from "@/inngest/local/schema";
import { serveRouteHandlers } from "../tests/support/http-adapter";
import { summarize } from "./support/latency";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "500" },
    "latency-samples": { type: "string", default: "200" },
  },
});
const RUNS = Number(values.runs);
const SAMPLES = Number(values["latency-samples"]);

async function main() {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("bench/executor needs DATABASE_URL (a Postgres server)");
  const name = `bench_executor_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const connection = await connect(url.toString(), { poolSize: 10 });
  try {
    await migrateDatabase(connection);
    await migrateLocalExecutor(connection);
    await throughput(connection.db, url.toString());
    await latency(connection.db, true);
    await latency(connection.db, false);
  } finally {
    await connection.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function serveApp(
  executorUrl: string,
  build: (client: Inngest) => ReturnType<Inngest["createFunction"]>[],
) {
  const client = new Inngest({ id: "bench", isDev: true, baseUrl: executorUrl });
  const app = await serveRouteHandlers(serve({ client, functions: build(client) }) as never);
  return { client, app };
}

async function throughput(db: Awaited<ReturnType<typeof connect>>["db"], databaseUrl: string) {
  freezeClock(new Date("2026-01-01T00:00:00Z"));
  const executor = new LocalExecutor({
    db,
    appUrl: "",
    port: 0,
    pollMs: 0,
    concurrency: 8,
    log: () => undefined,
  });
  const executorUrl = await executor.start();
  const { client, app } = await serveApp(executorUrl, (c) => [
    c.createFunction(
      { id: "five-steps", triggers: [{ event: "bench/run" }] },
      async ({ event, step }) => {
        const id = (event.data as { i: number }).i;
        await step.run("one", () => id + 1);
        await step.run("two", () => id + 2);
        await step.sleep("a-day", "1d");
        await step.run("three", () => id + 3);
        return step.run("four", () => id + 4);
      },
    ),
  ]);
  await executor.sync(app.url);
  const started = performance.now();
  for (let i = 0; i < RUNS; i += 100) {
    await client.send(
      Array.from({ length: Math.min(100, RUNS - i) }, (_, j) => ({
        name: "bench/run",
        data: { i: i + j },
      })),
    );
  }
  await executor.drain();
  advanceClock(DAY_MS);
  await executor.drain();
  const seconds = (performance.now() - started) / 1000;
  // Every run must have completed, or the figure means nothing.
  const [completed] = await db
    .select({ n: count() })
    .from(localRuns)
    .where(eq(localRuns.status, "completed"));
  if (completed?.n !== RUNS) throw new Error(`only ${completed?.n} of ${RUNS} runs completed`);
  await executor.stop();
  await app.close();

  const raw = new pg.Client({ connectionString: databaseUrl });
  await raw.connect();
  await raw.query(
    "create table bench_insert (id bigserial primary key, run int not null, step text not null, data jsonb)",
  );
  const insertStarted = performance.now();
  for (let i = 0; i < RUNS * 5; i++) {
    await raw.query("insert into bench_insert (run, step, data) values ($1, $2, $3)", [
      i,
      "step",
      JSON.stringify({ i }),
    ]);
  }
  const insertSeconds = (performance.now() - insertStarted) / 1000;
  await raw.end();

  console.log(
    `executor: ${RUNS} runs × 5 steps (4 step.run + 1-day sleep on the virtual clock), concurrency 8`,
  );
  console.log(
    `  ${seconds.toFixed(2)} s  ${(RUNS / seconds).toFixed(1)} runs/s  ${((RUNS * 5) / seconds).toFixed(1)} steps/s`,
  );
  console.log(
    `  ${RUNS * 5} bare single-row INSERTs: ${insertSeconds.toFixed(2)} s  ${((RUNS * 5) / insertSeconds).toFixed(1)} rows/s`,
  );
  console.log(
    `  ratio (executor steps/s : INSERTs/s) = 1 : ${((RUNS * 5) / insertSeconds / ((RUNS * 5) / seconds)).toFixed(1)}`,
  );
}

async function latency(db: Awaited<ReturnType<typeof connect>>["db"], checkpointing: boolean) {
  const firstStepAt = new Map<number, number>();
  const executor = new LocalExecutor({
    db,
    appUrl: "",
    port: 0,
    pollMs: 250,
    log: () => undefined,
    checkpointing,
  });
  const executorUrl = await executor.start();
  const { client, app } = await serveApp(executorUrl, (c) => [
    c.createFunction(
      { id: "latency", triggers: [{ event: "bench/latency" }] },
      async ({ event, step }) => {
        await step.run("first", () => {
          const i = (event.data as { i: number }).i;
          if (!firstStepAt.has(i)) firstStepAt.set(i, performance.now());
        });
      },
    ),
  ]);
  await executor.sync(app.url);
  const latencies: number[] = [];
  const wallStarted = performance.now();
  for (let i = 0; i < SAMPLES; i++) {
    const sentAt = performance.now();
    await client.send({ name: "bench/latency", data: { i } });
    while (!firstStepAt.has(i)) await new Promise((resolve) => setTimeout(resolve, 1));
    latencies.push(firstStepAt.get(i)! - sentAt);
  }
  const summary = summarize(latencies, performance.now() - wallStarted);
  console.log(
    `event send → first step, ${checkpointing ? "checkpointing" : "one step per call"} (${SAMPLES} sequential events): median ${summary.p50.toFixed(1)} ms, p95 ${summary.p95.toFixed(1)} ms`,
  );
  await executor.stop();
  await app.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
