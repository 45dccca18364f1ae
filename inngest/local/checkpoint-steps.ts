import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows-of";
import { memoizeStepsSql } from "./memoize-step";
import { localJobs, localRuns } from "./schema";
import { opSchema } from "./protocol";

/**
 * What SDK v4 posts to `/v1/checkpoint/{runId}/async` while it runs steps eagerly (api/api.js checkpointStepsAsync):
 * `qi_id` is the call's job as the executor sent it in `ctx.qi_id`, `steps` the ops it finished (StepRun with data).
 */
export const asyncCheckpointSchema = z
  .object({
    run_id: z.string(),
    fn_id: z.string(),
    qi_id: z.string(),
    steps: z.array(opSchema),
  })
  .loose();
export type AsyncCheckpoint = z.infer<typeof asyncCheckpointSchema>;

export type CheckpointResult =
  | { kind: "memoized"; jobId: number; count: number }
  /** The call it belongs to is over (its job was done or its lease lost): the SDK stops that execution (409). */
  | { kind: "stale" }
  | { kind: "refused"; message: string };

/**
 * Memoize the steps an SDK checkpointed during a call, as if the call had answered them: later calls replay them and
 * the run resumes after them. Only the job whose call is in flight (still leased) may checkpoint.
 */
export async function checkpointSteps(
  db: Db,
  runId: string,
  checkpoint: AsyncCheckpoint,
): Promise<CheckpointResult> {
  const unsupported = checkpoint.steps.find((op) => op.op !== "StepRun");
  if (unsupported)
    return {
      kind: "refused",
      message: `the local executor does not implement checkpointed ${unsupported.op} ops`,
    };
  const jobId = Number(checkpoint.qi_id);
  if (checkpoint.run_id !== runId || !Number.isSafeInteger(jobId)) return { kind: "stale" };
  // One statement: lock the job (the call's answer, which deletes it, waits for this checkpoint or comes first),
  // check the run still runs, and memoize the steps in the order they came.
  const memoize = memoizeStepsSql({
    runId,
    ops: checkpoint.steps,
    at: now(),
    attempts: sql`job.attempt + 1`,
    from: sql`job, running`,
  });
  const result = await db.execute(sql`
    with job as (
      select ${localJobs.attempt} as attempt from ${localJobs}
      where ${localJobs.id} = ${jobId} and ${localJobs.runId} = ${runId} and ${localJobs.kind} = 'call'
        and ${localJobs.lockedBy} is not null
      for update
    ), running as (
      select 1 from ${localRuns} where ${localRuns.id} = ${runId} and ${localRuns.status} = 'running'
    ), memoized as (${memoize} returning 1)
    select (select attempt from job) as attempt, exists (select 1 from running) as running`);
  const [row] = rowsOf<{ attempt: number | null; running: boolean }>(result);
  if (row?.attempt == null || !row.running) return { kind: "stale" };
  return { kind: "memoized", jobId, count: checkpoint.steps.length };
}
