import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { ingestEvents } from "@/inngest/local/ingest-events";
import { applyOutcome } from "@/inngest/local/process-job";
import { localJobs, localRuns, localSteps, localWaits } from "@/inngest/local/schema";
import { openTestDatabase } from "../../support/test-database";

/*
 * The executor's answers racing each other on one run, at the statement level: a transaction of another call holds
 * the run's row while an answer is applied. Interleavings need two connections, so those tests need a real Postgres
 * (DATABASE_URL; an embedded PGlite runs one transaction at a time). CI runs the suite on Postgres.
 */
const postgres = Boolean(process.env.DATABASE_URL);

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => database.db;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

async function openRun(options: { parallel: boolean }) {
  const at = now();
  const [run] = await db()
    .insert(localRuns)
    .values({
      functionId: "app-fn",
      eventId: `event-${Math.random()}`,
      event: { name: "app/go", data: {} },
      disableImmediateExecution: options.parallel,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  return run!;
}

async function leasedDiscoveryJob(runId: string, owner: string) {
  const at = now();
  const [job] = await db()
    .insert(localJobs)
    .values({
      runId,
      kind: "call",
      dueAt: at,
      lockedBy: owner,
      lockedUntil: new Date(Date.now() + 60_000),
      createdAt: at,
    })
    .returning();
  return { id: job!.id, runId, kind: "call" as const, stepId: null, attempt: 0 };
}

const jobsOf = (runId: string) => db().select().from(localJobs).where(eq(localJobs.runId, runId));

/** A wait of the run for `app/later`, an hour long (with its timeout job when `withTimeout`), as a call adds it. */
async function addWait(tx: Db, runId: string, options: { withTimeout: boolean }) {
  const expiresAt = new Date(now().getTime() + 3_600_000);
  await tx.insert(localWaits).values({
    runId,
    stepId: "lane-b-wait",
    eventName: "app/later",
    expression: null,
    expiresAt,
  });
  if (options.withTimeout)
    await tx.insert(localJobs).values({
      runId,
      kind: "wait_timeout",
      stepId: "lane-b-wait",
      dueAt: expiresAt,
      createdAt: now(),
    });
}

/**
 * Call B of the run holds it: a transaction locks the run's row and does `b`; then call A's answer (its `outcome`,
 * for A's leased discovery job) is applied while B still holds the row, and B commits 200 ms later. Returns once A's
 * answer is applied.
 */
async function answerWhileHeld(
  run: { id: string },
  b: (tx: Db) => Promise<void>,
  outcome: Parameters<typeof applyOutcome>[1]["outcome"],
) {
  const job = await leasedDiscoveryJob(run.id, "executor-a");
  let applied: Promise<void> | null = null;
  await db().transaction(async (tx) => {
    await tx.select().from(localRuns).where(eq(localRuns.id, run.id)).for("update");
    await b(tx);
    applied = applyOutcome(db(), {
      job,
      owner: "executor-a",
      runId: run.id,
      outcome,
      maxAttempts: 4,
      memoizedCount: 0,
      parallel: true,
    });
    await new Promise((resolve) => setTimeout(resolve, 200)); // A now waits for the run's row
  });
  await applied;
}

describe("answers applied while another call of the run holds it", () => {
  it.skipIf(!postgres)(
    "a parallel run's sleep answer sees the step another call memoized while it waited, and calls again",
    async () => {
      const run = await openRun({ parallel: true });
      // Call B memoizes its step and, finding call A's discovery job pending, leaves it to A's answer to notice the
      // step. A's answer is a sleep.
      await answerWhileHeld(
        run,
        async (tx) => {
          await tx
            .insert(localSteps)
            .values({ runId: run.id, stepId: "lane-b", op: "StepRun", data: 1, createdAt: now() });
          await tx
            .insert(localJobs)
            .values({ runId: run.id, kind: "call", dueAt: now(), createdAt: now() })
            .onConflictDoNothing();
        },
        { kind: "ops", ops: [{ op: "Sleep", id: "lane-a-sleep", name: "1h" }] },
      );
      const jobs = await jobsOf(run.id);
      expect(jobs.map((j) => [j.kind, j.stepId]).sort()).toEqual([
        ["call", null],
        ["sleep", "lane-a-sleep"],
      ]);
      const [after] = await db().select().from(localRuns).where(eq(localRuns.id, run.id));
      expect(after!.status).toBe("running");
    },
  );
});

describe("a parallel run's end while another call of it holds the run", () => {
  it.skipIf(!postgres)(
    "drops the job and the wait that call added: nothing of the ended run is left to resume it",
    async () => {
      const run = await openRun({ parallel: true });
      // Call B adds a wait and its timeout, as applyOutcome applies its answer; A's answer: the function completed.
      await answerWhileHeld(run, (tx) => addWait(tx, run.id, { withTimeout: true }), {
        kind: "complete",
        output: null,
        steps: [],
      });
      const [after] = await db().select().from(localRuns).where(eq(localRuns.id, run.id));
      expect(after!.status).toBe("completed");
      expect(await jobsOf(run.id)).toEqual([]);
      expect(await db().select().from(localWaits).where(eq(localWaits.runId, run.id))).toEqual([]);
    },
  );
});

describe("a run that ended", () => {
  it("is not brought back by an event matching a wait it still had", async () => {
    const run = await openRun({ parallel: true });
    await db()
      .update(localRuns)
      .set({ status: "completed", endedAt: now() })
      .where(eq(localRuns.id, run.id));
    // A wait left behind as the run ended (as ends did before they locked the run first).
    await addWait(db(), run.id, { withTimeout: false });
    await ingestEvents(db(), [{ name: "app/later", data: {} }]);
    const [after] = await db().select().from(localRuns).where(eq(localRuns.id, run.id));
    expect(after!.status).toBe("completed");
    expect(await jobsOf(run.id)).toEqual([]);
    expect(
      await db()
        .select()
        .from(localSteps)
        .where(and(eq(localSteps.runId, run.id), eq(localSteps.stepId, "lane-b-wait"))),
    ).toEqual([]);
  });
});
