// Over 300 lines on purpose: the executor's whole answer to one call of the Inngest protocol — each opcode the SDK
// can return (StepRun, StepError, StepFailed, StepPlanned, Sleep, WaitForEvent), the retries and the run's end are
// handled here, in one place, so the protocol reads as one state machine.
import "server-only";
import { and, count, eq, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { localJobs, localRunStatus, localRuns, localSteps, localWaits } from "./schema";
import { LOCAL_EXECUTOR_SCHEMA } from "./migrations";
import { callFunction, type CallOutcome } from "./call-function";
import { loadCallStates, type CallState } from "./load-call-states";
import { ingestEvents } from "./ingest-events";
import { rowsOf } from "@/lib/db/rows-of";
import { memoizeStep, memoizeStepsSql } from "./memoize-step";
import type { ClaimedJob } from "./claim-jobs";
import {
  parseDuration,
  registeredFunctionSchema,
  retriesOf,
  runtimeUrlOf,
  sleepTarget,
  type Op,
} from "./protocol";

/** Backoff before retry n (1-based): 2^n seconds with ±25% jitter, at most 10 minutes. */
export function backoffMs(attempt: number): number {
  const base = Math.min(2 ** attempt * 1000, 600_000);
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

const DEFAULT_WAIT_TIMEOUT_MS = 7 * 24 * 60 * 60 * 1000;
const FUNCTION_FAILED_EVENT = "inngest/function.failed";

export interface CallSettings {
  /** Sign each call with this key and accept only answers signed with it. */
  signingKey?: string;
  /** Let the SDK checkpoint steps it runs eagerly (what Inngest Cloud does) instead of one step per call. */
  checkpointing: boolean;
  /** How many steps the SDK checkpointed during a job's call (they are memoized already). */
  takeCheckpointedCount: (jobId: number) => number;
}

/**
 * Do one leased job. A call job's run is `state` as `loadCallStates` found it for the round (null: the run is gone),
 * or loaded here when the round has none. Results are applied in one transaction that first deletes the job *if this
 * owner still holds it*, so a loop that lost its lease (it was too slow, or presumed dead) changes nothing.
 */
export async function processJob(
  db: Db,
  job: ClaimedJob,
  owner: string,
  settings: CallSettings,
  state?: CallState | null,
): Promise<void> {
  if (job.kind !== "call") return resolveTimer(db, job, owner);
  const row =
    state === undefined ? ((await loadCallStates(db, [job])).get(job.runId) ?? null) : state;
  if (!row || (row.run.status !== "running" && row.run.status !== "waiting")) {
    await db.delete(localJobs).where(eq(localJobs.id, job.id));
    return;
  }
  if (!row.config) {
    await finish(db, job, owner, row.run.id, {
      status: "failed",
      error: { message: `function ${row.run.functionId} is no longer registered` },
    });
    return;
  }
  const fn = registeredFunctionSchema.parse(row.config);
  const maxAttempts = retriesOf(fn) + 1;
  // The SDK checkpoints only on discovery calls of a run that has not gone parallel; it ignores fn_id otherwise.
  const checkpoint =
    settings.checkpointing && job.stepId === null && !row.run.disableImmediateExecution
      ? { fnId: fn.id, queueItemId: String(job.id) }
      : undefined;
  const outcome = await callFunction({
    fn,
    runtimeUrl: runtimeUrlOf(fn),
    run: row.run,
    memoized: row.steps,
    stepId: job.stepId,
    attempt: job.attempt,
    maxAttempts,
    signingKey: settings.signingKey,
    checkpoint,
  });
  await applyOutcome(db, {
    job,
    owner,
    runId: row.run.id,
    outcome,
    maxAttempts,
    memoizedCount: row.steps.length + settings.takeCheckpointedCount(job.id),
    parallel: row.run.disableImmediateExecution,
  });
}

/**
 * A sleep elapsed or a wait timed out: memoize null for the step and call the function again — one statement that
 * does it only if this owner still holds the job, the run is open and (for a wait) no event came first. A job of a
 * run that ended is just dropped.
 */
async function resolveTimer(db: Db, job: ClaimedJob, owner: string): Promise<void> {
  const at = sql`${now().toISOString()}::timestamptz`;
  const stepId = job.stepId ?? "";
  const due =
    job.kind === "wait_timeout"
      ? sql`, expired as (
          delete from ${localWaits}
          where ${localWaits.runId} = ${job.runId} and ${localWaits.stepId} = ${stepId}
            and exists (select 1 from open_run)
          returning 1
        ), due as (select 1 from expired)`
      : sql`, due as (select 1 from open_run)`;
  await db.execute(sql`
    with taken as (
      delete from ${localJobs} where ${localJobs.id} = ${job.id} and ${localJobs.lockedBy} = ${owner}
      returning ${localJobs.id}
    ), open_run as (
      select 1 from ${localRuns}
      where ${localRuns.id} = ${job.runId} and ${localRuns.status} in ('running', 'waiting')
        and exists (select 1 from taken)
    )${due}, memoized as (
      insert into ${localSteps} (run_id, step_id, op, data, created_at)
      select ${job.runId}::uuid, ${stepId}, ${job.kind === "sleep" ? "Sleep" : "WaitForEvent"}, null, ${at}
      from due
      on conflict do nothing
    ), discovery as (
      insert into ${localJobs} (run_id, kind, due_at, created_at)
      select ${job.runId}::uuid, 'call', ${at}, ${at} from due
      on conflict do nothing
    )
    update ${localRuns} set status = 'running', updated_at = ${at}
    where ${localRuns.id} = ${job.runId} and exists (select 1 from due)`);
}

async function takeJob(tx: Db, job: ClaimedJob, owner: string): Promise<boolean> {
  const taken = await tx
    .delete(localJobs)
    .where(and(eq(localJobs.id, job.id), eq(localJobs.lockedBy, owner)))
    .returning({ id: localJobs.id });
  return taken.length > 0;
}

async function scheduleDiscovery(tx: Db, runId: string, at: Date): Promise<void> {
  await tx
    .insert(localJobs)
    .values({ runId, kind: "call", stepId: null, dueAt: at, createdAt: at })
    .onConflictDoNothing();
  await tx
    .update(localRuns)
    .set({ status: "running", updatedAt: at })
    .where(eq(localRuns.id, runId));
}

type RunEnd =
  { status: "completed"; output: unknown; steps?: Op[] } | { status: "failed"; error: unknown };

async function finish(
  db: Db,
  job: ClaimedJob,
  owner: string,
  runId: string,
  result: RunEnd,
  /** The run has gone parallel: another call may be adding a job or a wait to it as it ends. */
  parallel = false,
): Promise<void> {
  // For a parallel run, the run's row is locked first, in a statement of its own: the end's deletes then see what a
  // call holding the row added (in one statement they would read from before the wait, and leave it behind).
  const finished = parallel
    ? await db.transaction(async (tx) => {
        await tx
          .select({ id: localRuns.id })
          .from(localRuns)
          .where(eq(localRuns.id, runId))
          .for("update");
        return endRun(tx, job, owner, runId, result);
      })
    : await endRun(db, job, owner, runId, result);
  // As Inngest does: a failed run emits `inngest/function.failed`, which starts the function's onFailure handler.
  if (finished && result.status === "failed") {
    await ingestEvents(db, [
      {
        id: `function-failed:${runId}`,
        name: FUNCTION_FAILED_EVENT,
        data: {
          function_id: finished.functionId,
          run_id: runId,
          error: result.error ?? { message: "failed" },
          event: finished.event,
        },
      },
    ]);
  }
}

/**
 * One statement: take the job if this owner still holds it; only then end the run, drop its other jobs and waits, and
 * memoize the steps the SDK ran since its last checkpoint. The ended run's function and event, or null.
 */
async function endRun(
  db: Db,
  job: ClaimedJob,
  owner: string,
  runId: string,
  result: RunEnd,
): Promise<{ functionId: string; event: unknown } | null> {
  const at = now();
  const json = (value: unknown) =>
    sql`nullif(${JSON.stringify(value ?? null)}::jsonb, 'null'::jsonb)`;
  const steps = result.status === "completed" ? (result.steps ?? []) : [];
  const rows = rowsOf<{ functionId: string; event: unknown }>(
    await db.execute(sql`
      with taken as (
        delete from ${localJobs} where ${localJobs.id} = ${job.id} and ${localJobs.lockedBy} = ${owner}
        returning ${localJobs.id}
      ), ended as (
        update ${localRuns}
        set status = ${result.status}, updated_at = ${at.toISOString()}::timestamptz,
          ended_at = ${at.toISOString()}::timestamptz,
          output = ${result.status === "completed" ? json(result.output) : sql`null`},
          error = ${result.status === "failed" ? sql`coalesce(${json(result.error)}, '{"message":"failed"}'::jsonb)` : sql`null`}
        where ${localRuns.id} = ${runId} and exists (select 1 from taken)
        returning ${localRuns.functionId} as "functionId", ${localRuns.event} as event
      ), other_jobs as (
        delete from ${localJobs}
        where ${localJobs.runId} = ${runId} and ${localJobs.id} <> ${job.id} and exists (select 1 from taken)
      ), waits as (
        delete from ${localWaits} where ${localWaits.runId} = ${runId} and exists (select 1 from taken)
      )${
        steps.length > 0
          ? sql`, memoized as (${memoizeStepsSql({ runId, ops: steps, at, attempts: sql`${job.attempt + 1}::int`, from: sql`taken` })})`
          : sql``
      }
      select "functionId", event from ended`),
  );
  return rows[0] ?? null;
}

/**
 * Apply what a call answered, if this owner still holds the job: end the run (completed, failed, out of retries),
 * requeue it for a retry, or apply its ops — memoized steps, planned steps, sleeps, waits — and call again when the run
 * progressed.
 */
export async function applyOutcome(
  db: Db,
  options: {
    job: ClaimedJob;
    owner: string;
    runId: string;
    outcome: CallOutcome;
    maxAttempts: number;
    memoizedCount: number;
    /** The run has gone parallel: other calls of it may memoize steps while this one is applied. */
    parallel: boolean;
  },
): Promise<void> {
  const { job, owner, runId, outcome } = options;
  const { parallel } = options;
  if (outcome.kind === "complete")
    return finish(
      db,
      job,
      owner,
      runId,
      { status: "completed", output: outcome.output, steps: outcome.steps },
      parallel,
    );
  if (outcome.kind === "fail")
    return finish(db, job, owner, runId, { status: "failed", error: outcome.error }, parallel);
  if (outcome.kind === "retry") {
    if (job.attempt + 1 >= options.maxAttempts)
      return finish(db, job, owner, runId, { status: "failed", error: outcome.error }, parallel);
    return requeue(db, job, owner, outcome.retryAfterMs ?? backoffMs(job.attempt + 1));
  }
  if (!parallel && outcome.ops.every((op) => op.op === "Sleep"))
    return applySleeps(db, { ...options, ops: outcome.ops });
  // The run row is locked in a statement of its own, and what other calls did is read after it: a statement that
  // waits for the lock still reads the snapshot from before the wait, and would miss a step a parallel call memoized
  // (and left to this call's answer to notice) while holding it.
  await db.transaction(async (tx) => {
    if (!(await takeJob(tx, job, owner))) return;
    const at = now();
    const [run] = await tx
      .select({ status: localRuns.status })
      .from(localRuns)
      .where(eq(localRuns.id, runId))
      .for("update");
    if (!run || (run.status !== "running" && run.status !== "waiting")) return; // cancelled meanwhile
    const planned = outcome.ops.filter((op) => op.op === "StepPlanned");
    if (planned.length > 1) {
      await tx
        .update(localRuns)
        .set({ disableImmediateExecution: true })
        .where(eq(localRuns.id, runId));
    }
    let progressed = false;
    for (const op of outcome.ops) {
      const effect = await applyOp(tx, { job, runId, op, at });
      if (effect === "failed") return;
      progressed = effect === "memoized" || progressed;
    }
    // A step memoized by a parallel call while this call was in flight needs a fresh discovery call.
    const [memoized] = await tx
      .select({ n: count() })
      .from(localSteps)
      .where(eq(localSteps.runId, runId));
    if (progressed || (memoized?.n ?? 0) > options.memoizedCount)
      await scheduleDiscovery(tx, runId, at);
    const [pendingCalls] = await tx
      .select({ n: count() })
      .from(localJobs)
      .where(and(eq(localJobs.runId, runId), eq(localJobs.kind, "call")));
    await tx
      .update(localRuns)
      .set({ status: (pendingCalls?.n ?? 0) > 0 ? "running" : "waiting", updatedAt: at })
      .where(eq(localRuns.id, runId));
  });
}

/**
 * The most common answer — the function sleeps (a scenario's wait) — in one statement: take the job if this owner
 * still holds it and the run is open; schedule the wake-ups; call again at once if a step was memoized while this call
 * was in flight (a crash's checkpoint); and mark the run running or waiting by whether a call is pending. For a run
 * that has not gone parallel only: the statement's reads of steps and jobs are from its start, before it waited for
 * the run's row, so they would miss what a parallel call committed meanwhile (applyOutcome's transaction does not).
 */
async function applySleeps(
  db: Db,
  options: { job: ClaimedJob; owner: string; runId: string; ops: Op[]; memoizedCount: number },
): Promise<void> {
  const { job, owner, runId } = options;
  const at = now();
  const atSql = sql`${at.toISOString()}::timestamptz`;
  const runStatusType = sql.raw(`"${LOCAL_EXECUTOR_SCHEMA}"."${localRunStatus.enumName}"`);
  const wakes = options.ops.map((op) => ({
    step_id: op.id,
    due_at: sleepTarget(op.name ?? "", at).toISOString(),
  }));
  await db.execute(sql`
    with taken as (
      delete from ${localJobs} where ${localJobs.id} = ${job.id} and ${localJobs.lockedBy} = ${owner}
      returning ${localJobs.id}
    ), open_run as (
      select 1 from ${localRuns}
      where ${localRuns.id} = ${runId} and ${localRuns.status} in ('running', 'waiting')
        and exists (select 1 from taken)
      for update
    ), sleeps as (
      insert into ${localJobs} (run_id, kind, step_id, due_at, created_at)
      select ${runId}::uuid, 'sleep', wake ->> 'step_id', (wake ->> 'due_at')::timestamptz, ${atSql}
      from open_run, jsonb_array_elements(${JSON.stringify(wakes)}::jsonb) as wake
      on conflict do nothing
    ), discovery as (
      insert into ${localJobs} (run_id, kind, due_at, created_at)
      select ${runId}::uuid, 'call', ${atSql}, ${atSql} from open_run
      where (select count(*) from ${localSteps} where ${localSteps.runId} = ${runId}) > ${options.memoizedCount}
      on conflict do nothing
      returning 1
    )
    update ${localRuns}
    set updated_at = ${atSql}, status = case
      when exists (select 1 from discovery) or exists (
        select 1 from ${localJobs}
        where ${localJobs.runId} = ${runId} and ${localJobs.kind} = 'call' and ${localJobs.id} <> ${job.id}
      ) then 'running'::${runStatusType} else 'waiting'::${runStatusType} end
    where ${localRuns.id} = ${runId} and exists (select 1 from open_run)`);
}

/** Apply one op: "memoized" means the function must be called again; "failed" ended the run. */
async function applyOp(
  tx: Db,
  options: { job: ClaimedJob; runId: string; op: Op; at: Date },
): Promise<"memoized" | "scheduled" | "failed"> {
  const { job, runId, op, at } = options;
  switch (op.op) {
    case "StepRun":
      await memoizeStep(tx, {
        runId,
        op,
        at,
        attempts: job.attempt + 1,
        data: op.data ?? null,
        error: null,
      });
      return "memoized";
    case "StepFailed":
      await memoizeStep(tx, {
        runId,
        op,
        at,
        attempts: job.attempt + 1,
        data: null,
        error: op.error ?? { message: "step failed" },
      });
      return "memoized";
    case "StepError": {
      const delay = backoffMs(job.attempt + 1);
      await tx
        .insert(localJobs)
        .values({
          runId,
          kind: "call",
          stepId: job.stepId,
          attempt: job.attempt + 1,
          dueAt: new Date(at.getTime() + delay),
          createdAt: at,
        })
        .onConflictDoNothing();
      return "scheduled";
    }
    case "StepPlanned": {
      const [done] = await tx
        .select({ stepId: localSteps.stepId })
        .from(localSteps)
        .where(and(eq(localSteps.runId, runId), eq(localSteps.stepId, op.id)));
      if (done) return "scheduled";
      await tx
        .insert(localJobs)
        .values({ runId, kind: "call", stepId: op.id, dueAt: at, createdAt: at })
        .onConflictDoNothing();
      return "scheduled";
    }
    case "Sleep": {
      const wake = sleepTarget(op.name ?? "", at);
      await tx
        .insert(localJobs)
        .values({ runId, kind: "sleep", stepId: op.id, dueAt: wake, createdAt: at })
        .onConflictDoNothing();
      return "scheduled";
    }
    case "WaitForEvent": {
      const timeout = typeof op.opts?.timeout === "string" ? parseDuration(op.opts.timeout) : null;
      const expiresAt = new Date(at.getTime() + (timeout ?? DEFAULT_WAIT_TIMEOUT_MS));
      const expression = typeof op.opts?.if === "string" ? op.opts.if : null;
      await tx
        .insert(localWaits)
        .values({ runId, stepId: op.id, eventName: op.name ?? "", expression, expiresAt })
        .onConflictDoNothing();
      await tx
        .insert(localJobs)
        .values({ runId, kind: "wait_timeout", stepId: op.id, dueAt: expiresAt, createdAt: at })
        .onConflictDoNothing();
      return "scheduled";
    }
    default:
      await tx
        .update(localRuns)
        .set({
          status: "failed",
          endedAt: at,
          updatedAt: at,
          error: { message: `the local executor does not implement ${op.op}` },
        })
        .where(eq(localRuns.id, runId));
      await tx.delete(localJobs).where(eq(localJobs.runId, runId));
      await tx.delete(localWaits).where(eq(localWaits.runId, runId));
      return "failed";
  }
}

async function requeue(db: Db, job: ClaimedJob, owner: string, delayMs: number): Promise<void> {
  await db
    .update(localJobs)
    .set({
      attempt: job.attempt + 1,
      dueAt: new Date(now().getTime() + delayMs),
      lockedBy: null,
      lockedUntil: null,
    })
    .where(and(eq(localJobs.id, job.id), eq(localJobs.lockedBy, owner)));
}
