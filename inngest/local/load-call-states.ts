import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import type { MemoizedStep } from "./call-function";
import type { ClaimedJob } from "./claim-jobs";
import { localFunctions, localRuns, localSteps, type LocalRun } from "./schema";

/** What a call needs of its run: the run, its function's registered config and its memoized steps (the stack). */
export interface CallState {
  run: LocalRun;
  config: unknown;
  steps: MemoizedStep[];
}

/**
 * The runs of call jobs, their functions and their memoized steps (in the order memoized, which is the stack), in one
 * query for a whole round; the jobs of a round start at once, so each call sees its run as it was when the round
 * began, as one query per job would. A run that is gone has no entry.
 */
export async function loadCallStates(db: Db, jobs: ClaimedJob[]): Promise<Map<string, CallState>> {
  const runIds = [...new Set(jobs.filter((job) => job.kind === "call").map((job) => job.runId))];
  if (runIds.length === 0) return new Map();
  const rows = await db
    .select({
      run: localRuns,
      config: localFunctions.config,
      steps: sql<MemoizedStep[]>`coalesce((
        select jsonb_agg(jsonb_build_object('stepId', ${localSteps.stepId}, 'data', ${localSteps.data},
          'error', ${localSteps.error}) order by ${localSteps.seq})
        from ${localSteps} where ${localSteps.runId} = ${localRuns.id}), '[]'::jsonb)`,
    })
    .from(localRuns)
    .leftJoin(localFunctions, eq(localFunctions.id, localRuns.functionId))
    .where(inArray(localRuns.id, runIds));
  return new Map(rows.map((row) => [row.run.id, row]));
}
