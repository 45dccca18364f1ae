import "server-only";
import { sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { localJobs } from "./schema";

export interface ClaimedJob {
  id: number;
  runId: string;
  kind: "call" | "sleep" | "wait_timeout";
  stepId: string | null;
  attempt: number;
}

/**
 * Lease up to `limit` due jobs to `owner`. Due-ness follows the (possibly virtual) clock; leases follow the wall
 * clock, so a job whose executor died mid-call becomes claimable again once its lease runs out, and two loops never
 * hold the same job (FOR UPDATE SKIP LOCKED in one statement).
 */
export async function claimJobs(
  db: Db,
  options: { owner: string; limit: number; leaseMs: number },
): Promise<ClaimedJob[]> {
  const due = now().toISOString();
  const wallNow = new Date().toISOString();
  const leaseUntil = new Date(Date.now() + options.leaseMs).toISOString();
  type Row = {
    id: string | number;
    run_id: string;
    kind: ClaimedJob["kind"];
    step_id: string | null;
    attempt: number;
  };
  // Every driver's execute() resolves to { rows }; the shared PgDatabase type does not say so.
  const result = (await db.execute(sql`
    update ${localJobs} set locked_by = ${options.owner}, locked_until = ${leaseUntil}::timestamptz
    where id in (
      select id from ${localJobs}
      where due_at <= ${due}::timestamptz and (locked_until is null or locked_until < ${wallNow}::timestamptz)
      order by due_at, id
      limit ${options.limit}
      for update skip locked
    )
    returning id, run_id, kind, step_id, attempt`)) as unknown as { rows: Row[] };
  return result.rows.map((row) => ({
    id: Number(row.id),
    runId: row.run_id,
    kind: row.kind,
    stepId: row.step_id,
    attempt: row.attempt,
  }));
}

/** Keep a lease alive while a long call is in flight. */
export async function extendLease(
  db: Db,
  options: { jobId: number; owner: string; leaseMs: number },
): Promise<void> {
  const leaseUntil = new Date(Date.now() + options.leaseMs).toISOString();
  await db.execute(sql`
    update ${localJobs} set locked_until = ${leaseUntil}::timestamptz
    where id = ${options.jobId} and locked_by = ${options.owner}`);
}
