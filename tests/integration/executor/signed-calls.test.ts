import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceClock, freezeClock, MINUTE_MS } from "@/lib/clock";
import { LocalExecutor } from "@/inngest/local/executor";
import { canonicalJson, checkSignature, signatureFor } from "@/inngest/local/request-signature";
import { localRuns } from "@/inngest/local/schema";
import { serveRouteHandlers } from "../../support/http-adapter";
import { openTestDatabase } from "../../support/test-database";

/*
 * The app's real serve endpoint (app/api/inngest/route.ts) in production mode — INNGEST_SIGNING_KEY set, no
 * INNGEST_DEV — as the browser tests run it: the SDK refuses calls that are not signed with the key, and the local
 * executor, holding the key, signs its calls and accepts only signed answers.
 */
const SIGNING_KEY = `signkey-test-${"ab12".repeat(16)}`;
const EVENT_KEY = "signed-calls-event-key";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let executor: LocalExecutor;
let app: Awaited<ReturnType<typeof serveRouteHandlers>>;

beforeAll(async () => {
  database = await openTestDatabase();
  freezeClock(new Date("2026-06-01T00:00:00Z"));
  executor = new LocalExecutor({
    db: database.db,
    appUrl: "",
    port: 0,
    pollMs: 0,
    log: () => undefined,
    signingKey: SIGNING_KEY,
    eventKey: EVENT_KEY,
  });
  const executorUrl = await executor.start();
  // The client reads these when it is created: set them before anything imports inngest/client.ts.
  delete process.env.INNGEST_DEV;
  process.env.INNGEST_SIGNING_KEY = SIGNING_KEY;
  process.env.INNGEST_EVENT_KEY = EVENT_KEY;
  process.env.INNGEST_BASE_URL = executorUrl;
  const route = await import("@/app/api/inngest/route");
  app = await serveRouteHandlers(route as never);
});

afterAll(async () => {
  await executor.stop();
  await app.close();
  await database.close();
});

/** A call of the deliver-outbox function as the executor makes it, signed by `sign` (or not at all). */
async function callApp(sign: ((body: string) => string) | null) {
  const body = canonicalJson({
    event: { name: "inngest/scheduled.timer", data: {}, id: "e1", ts: Date.now() },
    events: [{ name: "inngest/scheduled.timer", data: {}, id: "e1", ts: Date.now() }],
    steps: {},
    ctx: {
      run_id: "01JSIGNEDCALLTEST0000000000",
      attempt: 0,
      max_attempts: 3,
      disable_immediate_execution: true, // plan the first step, run nothing
      use_api: false,
      stack: { stack: [], current: 0 },
    },
  });
  const url = new URL(app.url);
  url.searchParams.set("fnId", "subflow-deliver-outbox");
  url.searchParams.set("stepId", "step");
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (sign) headers["x-inngest-signature"] = sign(body);
  const response = await fetch(url, { method: "POST", headers, body });
  return { response, text: await response.text() };
}

describe("signed calls between the local executor and the app in production mode", () => {
  it("syncs: the SDK registers with the signing key's hash, which the executor checks", async () => {
    const synced = await executor.sync(app.url);
    expect(synced).toMatchObject({ ok: true });
    const refused = await fetch(`${executor.url}/fn/register`, {
      method: "POST",
      headers: { authorization: "Bearer signkey-test-0000" },
      body: JSON.stringify({ url: app.url, functions: [] }),
    });
    expect(refused.status).toBe(401);
  });

  it.each([
    ["no signature", null],
    [
      "a signature made with another key",
      (body: string) => signatureFor(body, `signkey-test-${"cd34".repeat(16)}`),
    ],
    [
      "an expired signature",
      (body: string) => signatureFor(body, SIGNING_KEY, Date.now() - 10 * MINUTE_MS),
    ],
    ["a signature of another body", (body: string) => signatureFor(`${body} `, SIGNING_KEY)],
  ])("refuses a call with %s", async (_, sign) => {
    const { response, text } = await callApp(sign);
    expect(response.status).toBe(401);
    expect(JSON.parse(text)).toEqual({ message: "Unauthorized" });
    expect(response.headers.get("x-inngest-signature")).toBeNull();
  });

  it("answers a correctly signed call, signing its answer with the same key", async () => {
    const { response, text } = await callApp((body) => signatureFor(body, SIGNING_KEY));
    expect(response.status).toBe(206);
    expect(checkSignature(response.headers.get("x-inngest-signature"), text, SIGNING_KEY)).toEqual({
      ok: true,
    });
    expect(
      checkSignature(
        response.headers.get("x-inngest-signature"),
        text,
        `signkey-test-${"cd34".repeat(16)}`,
      ),
    ).toMatchObject({ ok: false });
  });

  it("takes events only at the configured event key", async () => {
    const wrong = await fetch(`${executor.url}/e/another-key`, {
      method: "POST",
      body: JSON.stringify({ name: "test/nothing", data: {} }),
    });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${executor.url}/e/${EVENT_KEY}`, {
      method: "POST",
      body: JSON.stringify({ name: "test/nothing", data: {} }),
    });
    expect(right.status).toBe(200);
  });

  it("runs the app's functions end to end with every call signed and every answer checked", async () => {
    await executor.drain(); // first sight of the crons: counting starts now
    advanceClock(5 * MINUTE_MS);
    await executor.drain();
    const runs = await database.db.select().from(localRuns);
    const reconcile = runs.filter((run) => run.functionId === "subflow-payments-reconcile");
    expect(reconcile.length).toBeGreaterThan(0);
    expect(runs.filter((run) => run.status !== "completed")).toEqual([]);
  });
});
