import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { localSteps, type LocalRun } from "@/lib/db/schema";
import { opSchema, type Op, type RegisteredFunction } from "./protocol";

export type CallOutcome =
  | { kind: "complete"; output: unknown }
  | { kind: "ops"; ops: Op[] }
  | { kind: "retry"; error: unknown; retryAfterMs: number | null }
  | { kind: "fail"; error: unknown };

/**
 * One call of the app's serve endpoint for a run: the triggering event, every memoized step (in the order memoized,
 * which is the stack), and ctx. `stepId` asks the SDK to run just that planned step. `ctx.fn_id` is never sent: in
 * SDK v4 it switches on checkpointing, which calls an API this executor does not have.
 */
export async function callFunction(
  db: Db,
  options: {
    fn: RegisteredFunction;
    runtimeUrl: string;
    run: LocalRun;
    stepId: string | null;
    attempt: number;
    maxAttempts: number;
    signal?: AbortSignal;
  },
): Promise<{ outcome: CallOutcome; memoizedCount: number }> {
  const memoized = await db
    .select()
    .from(localSteps)
    .where(eq(localSteps.runId, options.run.id))
    .orderBy(asc(localSteps.seq));
  const steps = Object.fromEntries(
    memoized.map((step) => [
      step.stepId,
      step.error !== null ? { error: step.error } : { data: step.data ?? null },
    ]),
  );
  const url = new URL(options.runtimeUrl);
  url.searchParams.set("stepId", options.stepId ?? "step");
  const body = {
    event: options.run.event,
    events: [options.run.event],
    steps,
    ctx: {
      run_id: options.run.id,
      attempt: options.attempt,
      max_attempts: options.maxAttempts,
      disable_immediate_execution: options.run.disableImmediateExecution,
      use_api: false,
      stack: { stack: memoized.map((step) => step.stepId), current: memoized.length },
    },
  };
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: options.signal,
    });
  } catch (error) {
    return {
      outcome: {
        kind: "retry",
        error: { message: `could not reach the app: ${String(error)}` },
        retryAfterMs: null,
      },
      memoizedCount: memoized.length,
    };
  }
  return { outcome: await readOutcome(response), memoizedCount: memoized.length };
}

async function readOutcome(response: Response): Promise<CallOutcome> {
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { message: text.slice(0, 2000) };
  }
  if (response.status === 200) return { kind: "complete", output: json };
  if (response.status === 206) {
    const list = Array.isArray(json) ? json : [json];
    const ops = list.map((op) => opSchema.parse(op));
    const complete = ops.find((op) => op.op === "RunComplete");
    if (complete) return { kind: "complete", output: complete.data ?? null };
    // Nothing to do would leave the run with no pending work: call again rather than strand it.
    if (ops.length === 0)
      return {
        kind: "retry",
        error: { message: "the SDK answered 206 without ops" },
        retryAfterMs: null,
      };
    return { kind: "ops", ops };
  }
  const noRetry = response.headers.get("x-inngest-no-retry") === "true";
  if (response.status >= 500 && !noRetry) {
    return {
      kind: "retry",
      error: json,
      retryAfterMs: retryAfter(response.headers.get("retry-after")),
    };
  }
  return { kind: "fail", error: json };
}

function retryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}
