import "server-only";
import { sql, type SQL } from "drizzle-orm";
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

/**
 * The same for steps that ran (StepRun ops with their data), as one INSERT … SELECT for a data-modifying CTE: in the
 * order given (the memoized order is the stack), once each, and only when the `from` list yields a row (a guard such
 * as "this call's job is still ours"); `attempts` may be an expression over it.
 */
export function memoizeStepsSql(options: {
  runId: string;
  ops: Op[];
  at: Date;
  attempts: SQL;
  from: SQL;
}): SQL {
  const steps = options.ops.map((op) => ({
    step_id: op.id,
    name: op.displayName ?? op.name ?? null,
    op: op.op,
    data: op.data ?? null,
  }));
  return sql`
    insert into ${localSteps} (run_id, step_id, name, op, data, error, attempts, created_at)
    select ${options.runId}::uuid, s.step ->> 'step_id', s.step ->> 'name', s.step ->> 'op',
      nullif(s.step -> 'data', 'null'::jsonb), null, ${options.attempts}, ${options.at.toISOString()}::timestamptz
    from ${options.from}, jsonb_array_elements(${JSON.stringify(steps)}::jsonb) with ordinality as s(step, position)
    order by s.position
    on conflict do nothing`;
}
