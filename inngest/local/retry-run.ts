import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { localJobs, localRuns, localSteps } from "./schema";
import { AppError } from "@/lib/errors";

/**
 * Run a failed run again: steps that succeeded stay memoized (they do not run again); the failed step is forgotten so
 * it runs anew, from attempt 0.
 */
export async function retryRun(db: Db, runId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const at = now();
    const [run] = await tx
      .update(localRuns)
      .set({ status: "running", error: null, endedAt: null, updatedAt: at })
      .where(and(eq(localRuns.id, runId), eq(localRuns.status, "failed")))
      .returning({ id: localRuns.id });
    if (!run) throw new AppError("run_not_failed", "Only a failed run can be retried.", 409);
    await tx
      .delete(localSteps)
      .where(and(eq(localSteps.runId, runId), isNotNull(localSteps.error)));
    await tx
      .insert(localJobs)
      .values({ runId, kind: "call", stepId: null, dueAt: at, createdAt: at })
      .onConflictDoNothing();
  });
}
