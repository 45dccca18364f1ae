import "server-only";
import { getConnection } from "@/lib/db";
import { LocalExecutor } from "./executor";
import { migrateLocalExecutor } from "./migrate-local-executor";
import { DEFAULT_LOCAL_EXECUTOR_PORT } from "./mode";

const holder = globalThis as unknown as { subflowLocalExecutor?: LocalExecutor };

/** The executor running inside this server process, if any (the runs page and the dev clock use it). */
export function inProcessExecutor(): LocalExecutor | undefined {
  return holder.subflowLocalExecutor;
}

/**
 * Run the local executor inside the Next server (called from instrumentation.ts). One process, so the embedded
 * PGlite is shared and one Ctrl-C stops both. It listens where the SDK sends events and syncs the app as soon as the
 * app answers. Without INNGEST_SIGNING_KEY the SDK is in dev mode (INNGEST_DEV = the executor, nothing signed). With
 * it (the browser tests), the SDK stays in production mode with INNGEST_BASE_URL = the executor: the executor signs
 * every call with the key, checks the app's signed answers, and takes events only at INNGEST_EVENT_KEY.
 */
export async function startInProcessExecutor(): Promise<void> {
  if (holder.subflowLocalExecutor) return;
  const port = Number(process.env.INNGEST_LOCAL_PORT ?? DEFAULT_LOCAL_EXECUTOR_PORT);
  const appUrl =
    process.env.INNGEST_APP_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}/api/inngest`;
  const origin = `http://127.0.0.1:${port}`;
  const signingKey = process.env.INNGEST_SIGNING_KEY || undefined;
  if (signingKey) {
    if (!process.env.INNGEST_EVENT_KEY)
      throw new Error("INNGEST_SIGNING_KEY is set without INNGEST_EVENT_KEY, which the SDK needs");
    delete process.env.INNGEST_DEV;
    process.env.INNGEST_BASE_URL = origin;
  } else {
    process.env.INNGEST_DEV = origin;
  }
  process.env.SUBFLOW_LOCAL_EXECUTOR = "1"; // INNGEST_DEV is ours now, not a sign of another dev server
  const connection = await getConnection();
  await migrateLocalExecutor(connection); // its state lives in the inngest_local schema, created here
  const executor = new LocalExecutor({
    db: connection.db,
    appUrl,
    port,
    signingKey,
    eventKey: signingKey ? process.env.INNGEST_EVENT_KEY : undefined,
  });
  holder.subflowLocalExecutor = executor;
  const url = await executor.start();
  console.log(
    `[executor] local Inngest executor on ${url} (development stand-in for Inngest), app ${appUrl}${signingKey ? ", calls signed" : ""}`,
  );
  void syncWhenReady(executor);
}

async function syncWhenReady(executor: LocalExecutor): Promise<void> {
  for (let attempt = 1; attempt <= 600; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, attempt === 1 ? 1500 : 1000));
    try {
      const result = await executor.sync();
      console.log(
        result.ok ? "[executor] app synced" : `[executor] sync refused: ${result.message}`,
      );
      return;
    } catch {
      // the server is not listening yet
    }
  }
}
