import { advanceClock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { LocalExecutor } from "@/inngest/local/executor";
import { serveRouteHandlers } from "./http-adapter";

/**
 * The app's real Inngest serve endpoint (app/api/inngest/route.ts) over HTTP, driven by an in-process local executor
 * on the virtual clock. Call before anything imports inngest/client.ts: the client must see INNGEST_DEV.
 */
export async function startLocalInngest(
  db: Db,
  options: {
    intercept?: (response: Response) => Response | Promise<Response>;
    refuseCheckpoint?: (body: string) => boolean;
  } = {},
) {
  const executor = new LocalExecutor({
    db,
    appUrl: "",
    port: 0,
    pollMs: 0,
    log: () => undefined,
    refuseCheckpoint: options.refuseCheckpoint,
  });
  process.env.INNGEST_DEV = await executor.start();
  const route = await import("@/app/api/inngest/route");
  const app = await serveRouteHandlers(route as never, undefined, options.intercept);
  const synced = await executor.sync(app.url);
  if (!synced.ok) throw new Error(`sync failed: ${synced.message}`);
  return {
    executor,
    /** Move the virtual clock and let every due cron, sleep and call run. */
    async advance(ms: number) {
      advanceClock(ms);
      await executor.drain();
    },
    async stop() {
      await executor.stop();
      await app.close();
    },
  };
}
