import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { localJobs, localRuns } from "./schema";
import { memoizeStep } from "./memoize-step";
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
  return db.transaction(async (tx) => {
    // Locks the job row, so the call's answer (which deletes the job) waits for this checkpoint or comes first.
    const [job] = await tx
      .select({ attempt: localJobs.attempt })
      .from(localJobs)
      .where(
        and(
          eq(localJobs.id, jobId),
          eq(localJobs.runId, runId),
          eq(localJobs.kind, "call"),
          isNotNull(localJobs.lockedBy),
        ),
      )
      .for("update");
    const [run] = await tx
      .select({ status: localRuns.status })
      .from(localRuns)
      .where(eq(localRuns.id, runId));
    if (!job || run?.status !== "running") return { kind: "stale" } as const;
    const at = now();
    for (const op of checkpoint.steps) {
      await memoizeStep(tx, {
        runId,
        op,
        at,
        attempts: job.attempt + 1,
        data: op.data ?? null,
        error: null,
      });
    }
    return { kind: "memoized", jobId, count: checkpoint.steps.length } as const;
  });
}
