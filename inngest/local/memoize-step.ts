import "server-only";
import type { Db } from "@/lib/db";
import { localSteps } from "./schema";
import type { Op } from "./protocol";

/** Store a step's result (data or error) once: the SDK is sent it on every later call of the run. */
export async function memoizeStep(
  tx: Db,
  options: { runId: string; op: Op; at: Date; attempts: number; data: unknown; error: unknown },
): Promise<void> {
  await tx
    .insert(localSteps)
    .values({
      runId: options.runId,
      stepId: options.op.id,
      name: options.op.displayName ?? options.op.name ?? null,
      op: options.op.op,
      data: options.data,
      error: options.error,
      attempts: options.attempts,
      createdAt: options.at,
    })
    .onConflictDoNothing();
}
