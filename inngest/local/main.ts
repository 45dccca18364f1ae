import { parseArgs } from "node:util";
import { connect } from "@/lib/db/connect";
import { LocalExecutor } from "./executor";
import { migrateLocalExecutor } from "./migrate-local-executor";

/*
 * The local executor as its own process (Postgres only: an embedded PGlite belongs to one process, so with PGlite the
 * executor runs inside the Next server instead — see instrumentation.ts).
 *   tsx --conditions=react-server inngest/local/main.ts --app http://localhost:3000/api/inngest [--port 8288]
 */
const { values } = parseArgs({
  options: {
    app: {
      type: "string",
      default: process.env.INNGEST_APP_URL ?? "http://localhost:3000/api/inngest",
    },
    port: { type: "string", default: process.env.INNGEST_LOCAL_PORT ?? "8288" },
    lease: { type: "string", default: "30000" },
    "no-sync": { type: "boolean", default: false },
    // One step per call instead of the SDK's checkpointing (the protocol before Inngest SDK v4's default).
    "no-checkpointing": { type: "boolean", default: false },
  },
});

async function main() {
  if (!process.env.DATABASE_URL) {
    console.error(
      "The standalone executor needs DATABASE_URL (Postgres). With the embedded database, `npm run dev` runs it inside Next.",
    );
    process.exit(1);
  }
  const connection = await connect(process.env.DATABASE_URL, { poolSize: 10 });
  await migrateLocalExecutor(connection);
  const executor = new LocalExecutor({
    db: connection.db,
    appUrl: values.app,
    port: Number(values.port),
    leaseMs: Number(values.lease),
    checkpointing: !values["no-checkpointing"],
    // An app in production mode pointed here (INNGEST_BASE_URL): sign calls and check answers with its keys.
    signingKey: process.env.INNGEST_SIGNING_KEY || undefined,
    eventKey: process.env.INNGEST_EVENT_KEY || undefined,
  });
  const url = await executor.start();
  console.log(`executor listening on ${url}`);
  if (!values["no-sync"]) await syncWithRetry(executor);
  const shutdown = async () => {
    await executor.stop();
    await connection.close();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

async function syncWithRetry(executor: LocalExecutor) {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await executor.sync();
      console.log(
        result.ok ? `synced the app: ${result.message}` : `sync refused: ${result.message}`,
      );
      return;
    } catch {
      if (attempt % 10 === 0) console.log("waiting for the app to answer the sync…");
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
