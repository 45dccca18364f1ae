import "server-only";
import { getDb } from "@/lib/db";
import { LocalExecutor } from "./executor";
import { DEFAULT_LOCAL_EXECUTOR_PORT } from "./mode";

const holder = globalThis as unknown as { subflowLocalExecutor?: LocalExecutor };

/** The executor running inside this server process, if any (the runs page and the dev clock use it). */
export function inProcessExecutor(): LocalExecutor | undefined {
  return holder.subflowLocalExecutor;
}

/**
 * Run the local executor inside the Next server (called from instrumentation.ts). One process, so the embedded
 * PGlite is shared and one Ctrl-C stops both. It listens where the SDK sends events (INNGEST_DEV) and syncs the app
 * as soon as the app answers.
 */
export async function startInProcessExecutor(): Promise<void> {
  if (holder.subflowLocalExecutor) return;
  const port = Number(process.env.INNGEST_LOCAL_PORT ?? DEFAULT_LOCAL_EXECUTOR_PORT);
  const appUrl =
    process.env.INNGEST_APP_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}/api/inngest`;
  process.env.INNGEST_DEV = `http://127.0.0.1:${port}`;
  process.env.SUBFLOW_LOCAL_EXECUTOR = "1"; // INNGEST_DEV is ours now, not a sign of another dev server
  const executor = new LocalExecutor({ db: await getDb(), appUrl, port });
  holder.subflowLocalExecutor = executor;
  const url = await executor.start();
  console.log(
    `[executor] local Inngest executor on ${url} (development stand-in for Inngest), app ${appUrl}`,
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
