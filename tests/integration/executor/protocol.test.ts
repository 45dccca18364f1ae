import { eq, sql } from "drizzle-orm";
import { Inngest, NonRetriableError } from "inngest";
import { serve } from "inngest/next";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceClock, DAY_MS, freezeClock, MINUTE_MS } from "@/lib/clock";
import { LocalExecutor } from "@/inngest/local/executor";
import { flushBatches } from "@/inngest/local/batch-events";
import { loadFunctions } from "@/inngest/local/register-functions";
import { localBatchedEvents, localRuns, localSteps } from "@/inngest/local/schema";
import { serveRouteHandlers } from "../../support/http-adapter";
import { openTestDatabase } from "../../support/test-database";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let executor: LocalExecutor;
let app: Awaited<ReturnType<typeof serveRouteHandlers>>;
let client: Inngest;
/** What each step body did, by name: a step that ran twice shows up twice. */
const calls: string[] = [];
let brokenUntilFixed = true;
/** Answers of the app's serve endpoint: how many calls a run took. */
let appCalls = 0;
/** Answers to lose on their way back (the app did the work, the executor sees a 502). */
let answersToLose = 0;

/** The whole protocol runs twice: with SDK checkpointing (what Inngest Cloud does) and with one step per call. */
async function setUp(checkpointing: boolean) {
  database = await openTestDatabase();
  freezeClock(new Date("2026-06-01T00:00:00Z"));
  brokenUntilFixed = true;
  executor = new LocalExecutor({
    db: database.db,
    appUrl: "",
    port: 0,
    pollMs: 0,
    log: () => undefined,
    checkpointing,
  });
  const executorUrl = await executor.start();
  client = new Inngest({ id: "protocol-test", isDev: true, baseUrl: executorUrl });
  let flaky = 0;
  const functions = [
    client.createFunction(
      { id: "steps", triggers: [{ event: "test/steps" }] },
      async ({ event, step }) => {
        const a = await step.run("first", () => {
          calls.push("first");
          return (event.data as { n: number }).n + 1;
        });
        const b = await step.run("second", () => {
          calls.push("second");
          return a * 2;
        });
        return { b };
      },
    ),
    client.createFunction(
      { id: "parallel", triggers: [{ event: "test/parallel" }] },
      async ({ step }) => {
        const [x, y, z] = await Promise.all([
          step.run("x", () => {
            calls.push("x");
            return 1;
          }),
          step.run("y", () => {
            calls.push("y");
            return 2;
          }),
          step.run("z", () => {
            calls.push("z");
            return 3;
          }),
        ]);
        const sum = await step.run("sum", () => {
          calls.push("sum");
          return x + y + z;
        });
        return sum;
      },
    ),
    client.createFunction(
      { id: "sleeper", triggers: [{ event: "test/sleep" }] },
      async ({ step }) => {
        await step.sleep("nap", "3d");
        return step.run("after-nap", () => {
          calls.push("after-nap");
          return "awake";
        });
      },
    ),
    client.createFunction(
      { id: "waiter", triggers: [{ event: "test/wait" }] },
      async ({ event, step }) => {
        const got = await step.waitForEvent("wait-for-paid", {
          event: "test/paid",
          timeout: "1h",
          if: "event.data.order == async.data.order",
        });
        return {
          paid: got ? (got.data as { amount: number }).amount : null,
          order: (event.data as { order: string }).order,
        };
      },
    ),
    client.createFunction(
      { id: "flaky", retries: 2, triggers: [{ event: "test/flaky" }] },
      async ({ step }) => {
        return step.run("sometimes", () => {
          flaky++;
          calls.push(`flaky-${flaky}`);
          if (flaky < 3) throw new Error(`boom ${flaky}`);
          return "ok";
        });
      },
    ),
    client.createFunction(
      { id: "doomed", retries: 1, triggers: [{ event: "test/doomed" }] },
      async ({ step }) => {
        await step.run("always-fails", () => {
          calls.push("doomed");
          throw new Error("never works");
        });
        return "unreachable";
      },
    ),
    client.createFunction({ id: "fatal", triggers: [{ event: "test/fatal" }] }, async () => {
      throw new NonRetriableError("stop now");
    }),
    client.createFunction(
      {
        id: "cancellable",
        cancelOn: [{ event: "test/cancel", if: "event.data.id == async.data.id" }],
        triggers: [{ event: "test/long" }],
      },
      async ({ step }) => {
        await step.sleep("long-nap", "1d");
        await step.run("should-not-run", () => calls.push("cancelled-step"));
      },
    ),
    client.createFunction(
      { id: "once", idempotency: "event.data.key", triggers: [{ event: "test/once" }] },
      async ({ step }) => {
        await step.run("only", () => calls.push("once"));
      },
    ),
    client.createFunction(
      { id: "fixable", retries: 0, triggers: [{ event: "test/fixable" }] },
      async ({ step }) => {
        await step.run("prepare", () => calls.push("prepare"));
        return step.run("fragile", () => {
          calls.push("fragile");
          if (brokenUntilFixed) throw new Error("not yet");
          return "fixed";
        });
      },
    ),
    client.createFunction(
      { id: "ticker", triggers: [{ cron: "TZ=Europe/Prague */10 * * * *" }] },
      async ({ event }) => event.ts,
    ),
    client.createFunction(
      { id: "resumable", triggers: [{ event: "test/resumable" }] },
      async ({ step }) => {
        const a = await step.run("resume-a", () => {
          calls.push("resume-a");
          return 1;
        });
        const b = await step.run("resume-b", () => {
          calls.push("resume-b");
          return 2;
        });
        return a + b;
      },
    ),
    client.createFunction(
      { id: "conditional", triggers: [{ event: "test/cond", if: "event.data.amount > 10" }] },
      async () => "big",
    ),
    client.createFunction(
      {
        id: "batcher",
        batchEvents: {
          maxSize: 3,
          timeout: "5s",
          key: "event.data.group",
          if: "!event.data.urgent",
        },
        triggers: [{ event: "test/batch" }],
      },
      async ({ events, step }) =>
        step.run("sum-batch", () => events.map((event) => (event.data as { n: number }).n)),
    ),
  ];
  app = await serveRouteHandlers(serve({ client, functions }) as never, undefined, (response) => {
    appCalls++;
    if (answersToLose === 0) return response;
    answersToLose--;
    return new Response("lost", { status: 502 });
  });
  const synced = await executor.sync(app.url);
  expect(synced.ok).toBe(true);
}

async function tearDown() {
  await executor.stop();
  await app.close();
  await database.close();
}

async function send(name: string, data: Record<string, unknown>) {
  const { ids } = await client.send({ name, data });
  return ids[0]!;
}

async function runsFor(functionSuffix: string) {
  const rows = await database.db.select().from(localRuns);
  return rows.filter((run) => run.functionId.endsWith(functionSuffix));
}

describe.each([
  { mode: "checkpointing", checkpointing: true },
  { mode: "one step per call", checkpointing: false },
])("local executor ($mode)", ({ checkpointing }) => {
  beforeAll(() => setUp(checkpointing));
  afterAll(tearDown);

  it("fires cron triggers on schedule, collapsing ticks missed during downtime into one run", async () => {
    await executor.drain(); // first sight: counting starts now
    expect(await runsFor("-ticker")).toHaveLength(0);
    advanceClock(10 * MINUTE_MS);
    await executor.drain();
    expect(await runsFor("-ticker")).toHaveLength(1);
    advanceClock(2 * 60 * MINUTE_MS); // two hours down: 12 ticks missed
    await executor.drain();
    await executor.drain();
    const runs = await runsFor("-ticker");
    expect(runs).toHaveLength(2);
    expect(runs.every((run) => run.status === "completed")).toBe(true);
  });

  it("runs steps one after the other, memoizing each once, and completes with the output", async () => {
    calls.length = 0;
    appCalls = 0;
    await send("test/steps", { n: 4 });
    await executor.drain();
    // Checkpointing runs both steps in one call; without it, each step and the end take a call each.
    expect(appCalls).toBe(checkpointing ? 1 : 3);
    const [run] = await runsFor("-steps");
    expect(run).toMatchObject({ status: "completed", output: { b: 10 } });
    expect(calls).toEqual(["first", "second"]);
    const steps = await database.db.select().from(localSteps).where(eq(localSteps.runId, run!.id));
    expect(steps.map((s) => [s.name, s.data])).toEqual([
      ["first", 5],
      ["second", 10],
    ]);
  });

  it.runIf(checkpointing)(
    "keeps checkpointed steps when the call's answer is lost, and resumes after them",
    async () => {
      calls.length = 0;
      answersToLose = 1;
      await send("test/resumable", {});
      await executor.drain();
      expect((await runsFor("-resumable"))[0]?.status).toBe("running");
      advanceClock(10 * MINUTE_MS);
      await executor.drain();
      const [run] = await runsFor("-resumable");
      expect(run).toMatchObject({ status: "completed", output: 3 });
      expect(calls).toEqual(["resume-a", "resume-b"]);
      const steps = await database.db
        .select()
        .from(localSteps)
        .where(eq(localSteps.runId, run!.id));
      expect(steps.map((s) => [s.name, s.data])).toEqual([
        ["resume-a", 1],
        ["resume-b", 2],
      ]);
    },
  );

  it("runs parallel steps each exactly once", async () => {
    calls.length = 0;
    await send("test/parallel", {});
    await executor.drain();
    const [run] = await runsFor("-parallel");
    expect(run).toMatchObject({ status: "completed", output: 6 });
    expect([...calls].sort()).toEqual(["sum", "x", "y", "z"]);
  });

  it("sleeps on the virtual clock without holding a worker", async () => {
    calls.length = 0;
    await send("test/sleep", {});
    await executor.drain();
    const [waiting] = await runsFor("-sleeper");
    expect(waiting?.status).toBe("waiting");
    advanceClock(3 * DAY_MS - MINUTE_MS);
    await executor.drain();
    expect((await runsFor("-sleeper"))[0]?.status).toBe("waiting");
    advanceClock(MINUTE_MS);
    await executor.drain();
    expect((await runsFor("-sleeper"))[0]).toMatchObject({ status: "completed", output: "awake" });
    expect(calls).toEqual(["after-nap"]);
  });

  it("resumes waitForEvent on a matching event and times out to null otherwise", async () => {
    await send("test/wait", { order: "A" });
    await send("test/wait", { order: "B" });
    await executor.drain();
    await send("test/paid", { order: "C", amount: 1 });
    await send("test/paid", { order: "A", amount: 42 });
    await executor.drain();
    advanceClock(61 * MINUTE_MS);
    await executor.drain();
    const outputs = (await runsFor("-waiter"))
      .map((run) => run.output)
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(outputs).toEqual([
      { order: "A", paid: 42 },
      { order: "B", paid: null },
    ]);
  });

  it("retries a failing step with backoff and memoizes it once it works", async () => {
    calls.length = 0;
    await send("test/flaky", {});
    for (let i = 0; i < 5; i++) {
      await executor.drain();
      advanceClock(10 * MINUTE_MS);
    }
    expect((await runsFor("-flaky"))[0]).toMatchObject({ status: "completed", output: "ok" });
    expect(calls).toEqual(["flaky-1", "flaky-2", "flaky-3"]);
  });

  it("fails a run after its last retry, and at once on a non-retriable error", async () => {
    calls.length = 0;
    await send("test/doomed", {});
    await send("test/fatal", {});
    for (let i = 0; i < 5; i++) {
      await executor.drain();
      advanceClock(10 * MINUTE_MS);
    }
    const [doomed] = await runsFor("-doomed");
    expect(doomed?.status).toBe("failed");
    expect(JSON.stringify(doomed?.error)).toContain("never works");
    expect(calls).toEqual(["doomed", "doomed"]);
    const [fatal] = await runsFor("-fatal");
    expect(fatal?.status).toBe("failed");
    expect(JSON.stringify(fatal?.error)).toContain("stop now");
  });

  it("retries a failed run from its failed step, keeping the steps that succeeded", async () => {
    calls.length = 0;
    await send("test/fixable", {});
    await executor.drain();
    const [failed] = await runsFor("-fixable");
    expect(failed?.status).toBe("failed");
    brokenUntilFixed = false;
    const { retryRun } = await import("@/inngest/local/retry-run");
    await retryRun(database.db, failed!.id);
    await executor.drain();
    expect((await runsFor("-fixable"))[0]).toMatchObject({ status: "completed", output: "fixed" });
    expect(calls).toEqual(["prepare", "fragile", "fragile"]);
    await expect(retryRun(database.db, failed!.id)).rejects.toMatchObject({
      code: "run_not_failed",
    });
  });

  it("cancels waiting runs on a matching cancelOn event", async () => {
    calls.length = 0;
    await send("test/long", { id: 1 });
    await send("test/long", { id: 2 });
    await executor.drain();
    await send("test/cancel", { id: 1 });
    advanceClock(DAY_MS);
    await executor.drain();
    const statuses = (await runsFor("-cancellable"))
      .map((run) => [(run.event.data as { id: number }).id, run.status])
      .sort();
    expect(statuses).toEqual([
      [1, "cancelled"],
      [2, "completed"],
    ]);
    expect(calls).toEqual(["cancelled-step"]);
  });

  it("starts one run per idempotency key, and one per event id", async () => {
    calls.length = 0;
    await send("test/once", { key: "k1" });
    await send("test/once", { key: "k1" });
    await send("test/once", { key: "k2" });
    await client.send({ id: "fixed-id", name: "test/once", data: { key: "k3" } });
    await client.send({ id: "fixed-id", name: "test/once", data: { key: "k3" } });
    await executor.drain();
    expect(await runsFor("-once")).toHaveLength(3);
    expect(calls).toHaveLength(3);
  });

  it("refuses at sync a function using an option it does not implement, naming the function", async () => {
    const other = new Inngest({ id: "refused-app", isDev: true, baseUrl: executor.url });
    const throttled = other.createFunction(
      {
        id: "throttled",
        throttle: { limit: 1, period: "1m" },
        triggers: [{ event: "test/throttled" }],
      },
      async () => "never",
    );
    const keyedBatches = other.createFunction(
      {
        id: "keyed-batches",
        batchEvents: { maxSize: 10, timeout: "2s" },
        idempotency: "event.data.id",
        triggers: [{ event: "test/keyed" }],
      },
      async () => "never",
    );
    const refusedApp = await serveRouteHandlers(
      serve({ client: other, functions: [throttled] }) as never,
    );
    const refusedBatches = await serveRouteHandlers(
      serve({ client: other, functions: [keyedBatches] }) as never,
    );
    try {
      const result = await executor.sync(refusedApp.url);
      expect(result.ok).toBe(false);
      expect(result.message).toContain('"refused-app-throttled" uses throttle');
      const batches = await executor.sync(refusedBatches.url);
      expect(batches.ok).toBe(false);
      expect(batches.message).toContain(
        '"refused-app-keyed-batches" uses batchEvents with idempotency',
      );
    } finally {
      await refusedBatches.close();
      await executor.sync(app.url);
      await refusedApp.close();
    }
  });

  it("starts runs only when the trigger expression holds", async () => {
    await send("test/cond", { amount: 5 });
    await send("test/cond", { amount: 50 });
    await executor.drain();
    expect(await runsFor("-conditional")).toHaveLength(1);
  });

  it("batches events: a full batch starts at once with all its events, per key; the rest when their timeout passes", async () => {
    const batch = (n: number, group: string, urgent = false) => ({
      name: "test/batch",
      data: { n, group, urgent },
    });
    await client.send([
      batch(1, "a"),
      batch(2, "b"),
      batch(3, "a"),
      batch(4, "a", true),
      batch(5, "a"),
      batch(6, "a"),
    ]);
    // At ingestion: group a's first three events make a batch; the urgent event is not batched and runs alone.
    const started = await runsFor("-batcher");
    expect(
      started
        .map((run) => (run.events ?? [run.event]).map((e) => (e.data as { n: number }).n))
        .sort(),
    ).toEqual([[1, 3, 5], [4]]);
    expect(started.every((run) => run.event.id === (run.events ?? [run.event])[0]!.id)).toBe(true);
    const functions = await loadFunctions(database.db);
    // Young batches wait for their timeout (wall clock)…
    expect(await flushBatches(database.db, functions, { all: false })).toBe(0);
    await database.db
      .update(localBatchedEvents)
      .set({ receivedAt: sql`${localBatchedEvents.receivedAt} - interval '6 seconds'` })
      .where(eq(localBatchedEvents.batchKey, '"b"'));
    // …and start once it has passed: group b's one event; group a's sixth is younger and still waits.
    expect(await flushBatches(database.db, functions, { all: false })).toBe(1);
    // A drained executor has no events waiting.
    await executor.drain();
    const runs = await runsFor("-batcher");
    expect(runs.every((run) => run.status === "completed")).toBe(true);
    expect(runs.map((run) => run.output).sort()).toEqual([[1, 3, 5], [2], [4], [6]]);
    expect(await database.db.select().from(localBatchedEvents)).toEqual([]);
  });
});
