import { Inngest } from "inngest";

/**
 * The app's Inngest client. Production sets INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY (Inngest Cloud or a
 * self-hosted `inngest start`); development and tests set INNGEST_DEV to the local executor's origin, which puts the
 * SDK in dev mode (no request signing) against it. The browser tests keep production mode against the local executor
 * (keys set, INNGEST_BASE_URL = the executor, which signs its calls): see inngest/local/start-in-process.ts.
 */
export const inngest = new Inngest({ id: "subflow" });
