import { randomBytes } from "node:crypto";
import { Inngest } from "inngest";
import { serve } from "inngest/next";
import { and, count, eq } from "drizzle-orm";
import pg from "pg";
import { advanceClock, DAY_MS, freezeClock, MINUTE_MS } from "@/lib/clock";
import { connect } from "@/lib/db/connect";
import { LocalExecutor } from "@/inngest/local/executor";
import { migrateLocalExecutor } from "@/inngest/local/migrate-local-executor";
import { localRuns } from "@/inngest/local/schema";
import { serveRouteHandlers } from "../../tests/support/http-adapter";

/**
 * The protocol's share of a scenario run: the same Inngest function shape as `scenario-run` for the bench's graph —
 * claim, two visits, a one-day sleep, the wait's end and the email's visit, with the same options — but with empty
 * step bodies, through the same local executor and SDK at the same concurrency, on a fresh database. What is left of
 * a real run's time once this is subtracted is the engine's own work (its statements, the email).
 */
export async function measureProtocolFloor(
  serverUrl: string,
  options: { runs: number; concurrency: number; pool: number },
): Promise<{ seconds: number }> {
  const name = `bench_floor_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
  const connection = await connect(url, { poolSize: options.pool });
  const executor = new LocalExecutor({
    db: connection.db,
    appUrl: "",
    port: 0,
    pollMs: 0,
    concurrency: options.concurrency,
    log: () => undefined,
  });
  let app: Awaited<ReturnType<typeof serveRouteHandlers>> | null = null;
  try {
    await migrateLocalExecutor(connection);
    freezeClock(new Date("2026-03-02T08:00:00Z"));
    // Imported here: the app's client reads INNGEST_DEV when first imported, which the bench sets first.
    const { batchedCheckpointing } = await import("@/inngest/client");
    const client = new Inngest({ id: "bench-floor", isDev: true, baseUrl: await executor.start() });
    const floor = client.createFunction(
      {
        id: "scenario-run-floor",
        triggers: [{ event: "bench/floor.run" }],
        cancelOn: [{ event: "bench/floor.exited", if: "async.data.run_id == event.data.run_id" }],
        retries: 3,
        idempotency: "event.data.run_id",
        checkpointing: batchedCheckpointing,
        onFailure: () => undefined,
      },
      async ({ event, step }) => {
        const runId = (event.data as { run_id: number }).run_id;
        await step.run("claim", () => ({ runId, versionId: 1, userId: runId, entryVisits: 1 }));
        await step.run("visit:c:2", () => ({ outcome: "yes" }));
        await step.run("visit:w:3", () => ({ outcome: "waiting" }));
        await step.sleep("wait:w:3", "1d");
        await step.run("done:w:3", () => ({ outcome: "out" }));
        await step.run("visit:mail:4", () => ({ outcome: "sent" }));
        return { walked: true };
      },
    );
    app = await serveRouteHandlers(serve({ client, functions: [floor] }) as never);
    const synced = await executor.sync(app.url);
    if (!synced.ok) throw new Error(`sync failed: ${synced.message}`);
    const started = performance.now();
    for (let i = 0; i < options.runs; i += 500) {
      await client.send(
        Array.from({ length: Math.min(500, options.runs - i) }, (_, j) => ({
          name: "bench/floor.run",
          data: { run_id: i + j + 1 },
        })),
      );
    }
    await executor.drain(100_000);
    advanceClock(DAY_MS + MINUTE_MS);
    await executor.drain(100_000);
    const seconds = (performance.now() - started) / 1000;
    const [completed] = await connection.db
      .select({ n: count() })
      .from(localRuns)
      .where(
        and(
          eq(localRuns.functionId, "bench-floor-scenario-run-floor"),
          eq(localRuns.status, "completed"),
        ),
      );
    // Every run must have completed, or the figure means nothing.
    if (completed?.n !== options.runs)
      throw new Error(`protocol floor: ${completed?.n ?? 0} of ${options.runs} runs completed`);
    return { seconds };
  } finally {
    await executor.stop();
    await app?.close();
    await connection.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
