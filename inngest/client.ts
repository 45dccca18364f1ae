import { Inngest } from "inngest";

/**
 * The app's Inngest client. Production sets INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY (Inngest Cloud or a
 * self-hosted `inngest start`); development and tests set INNGEST_DEV to the local executor's origin, which puts the
 * SDK in dev mode (no request signing) against it.
 */
export const inngest = new Inngest({ id: "subflow" });
