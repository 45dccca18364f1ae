import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { localJobs, localRuns, localSteps, localWaits } from "./schema";

/** A run with its memoized steps (in order) and what it is waiting for. */
export async function getRun(db: Db, runId: string) {
  const [run] = await db.select().from(localRuns).where(eq(localRuns.id, runId));
  if (!run) return null;
  const [steps, jobs, waits] = await Promise.all([
    db.select().from(localSteps).where(eq(localSteps.runId, runId)).orderBy(asc(localSteps.seq)),
    db.select().from(localJobs).where(eq(localJobs.runId, runId)).orderBy(asc(localJobs.dueAt)),
    db.select().from(localWaits).where(eq(localWaits.runId, runId)),
  ]);
  return { run, steps, jobs, waits };
}
