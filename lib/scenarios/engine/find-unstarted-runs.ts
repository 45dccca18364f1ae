import "server-only";
import { and, eq, isNull, lt } from "drizzle-orm";
import { MINUTE_MS, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { scenarioRuns } from "@/lib/db/schema";

/** A run not claimed this long after it was created lost its start event (or its executor run never began). */
const UNSTARTED_AFTER_MS = 15 * MINUTE_MS;

/** Runs created but never claimed by an executor run: their start is sent again. */
export async function findUnstartedRuns(
  db: Db,
  options: { limit?: number } = {},
): Promise<number[]> {
  const rows = await db
    .select({ id: scenarioRuns.id })
    .from(scenarioRuns)
    .where(
      and(
        isNull(scenarioRuns.executorRunId),
        eq(scenarioRuns.status, "running"),
        lt(scenarioRuns.createdAt, new Date(now().getTime() - UNSTARTED_AFTER_MS)),
      ),
    )
    .orderBy(scenarioRuns.createdAt)
    .limit(options.limit ?? 1000);
  return rows.map((row) => row.id);
}
