import { Inngest } from "inngest";

/**
 * The app's Inngest client. Production sets INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY (Inngest Cloud or a
 * self-hosted `inngest start`); development and tests set INNGEST_DEV to the local executor's origin, which puts the
 * SDK in dev mode (no request signing) against it. The browser tests keep production mode against the local executor
 * (keys set, INNGEST_BASE_URL = the executor, which signs its calls): see inngest/local/start-in-process.ts.
 */
export const inngest = new Inngest({ id: "subflow" });

/**
 * Checkpointing for functions whose every step is idempotent by its own key (a scenario run's visits, a dispatch's
 * run creation): the SDK checkpoints the steps it runs eagerly in batches — when it reaches a sleep, a wait, the end
 * or 50 steps — instead of one request per step. A crash loses the unreported steps of that batch, which then run
 * again and find their work done. No `maxInterval`: with it, SDK 4.24.0 left runs with chained sleeps and parallel
 * branches hanging against the local executor (not investigated further).
 */
export const batchedCheckpointing = { bufferedSteps: 50 } as const;
