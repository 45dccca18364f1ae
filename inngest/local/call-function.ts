import "server-only";
import type { LocalRun } from "./schema";
import { opSchema, type Op, type RegisteredFunction } from "./protocol";
import { canonicalJson, checkSignature, SIGNATURE_HEADER, signatureFor } from "./request-signature";

export type CallOutcome =
  /** `steps`: what the SDK ran since its last checkpoint (buffered), answered with the run's end. */
  | { kind: "complete"; output: unknown; steps: Op[] }
  | { kind: "ops"; ops: Op[] }
  | { kind: "retry"; error: unknown; retryAfterMs: number | null }
  | { kind: "fail"; error: unknown };

/** A memoized step as the SDK is sent it. */
export interface MemoizedStep {
  stepId: string;
  data: unknown;
  error: unknown;
}

/**
 * One call of the app's serve endpoint for a run: the triggering event(s), every memoized step (in the order
 * memoized, which is the stack), and ctx. `stepId` asks the SDK to run just that planned step. `checkpoint` sends `ctx.fn_id`
 * and `ctx.qi_id`, which switch SDK v4 to checkpointing: it runs steps eagerly and posts each result to
 * `/v1/checkpoint/{runId}/async` (checkpoint-steps.ts) before going on. With `signingKey` the body is signed and the
 * answer must be signed with the same key.
 */
export async function callFunction(options: {
  fn: RegisteredFunction;
  runtimeUrl: string;
  run: LocalRun;
  memoized: MemoizedStep[];
  stepId: string | null;
  attempt: number;
  maxAttempts: number;
  signal?: AbortSignal;
  signingKey?: string;
  /** Checkpointing: the function's id and this call's job (the SDK names it in each checkpoint). */
  checkpoint?: { fnId: string; queueItemId: string };
}): Promise<CallOutcome> {
  const { memoized } = options;
  const steps = Object.fromEntries(
    memoized.map((step) => [
      step.stepId,
      step.error != null ? { error: step.error } : { data: step.data ?? null },
    ]),
  );
  const url = new URL(options.runtimeUrl);
  url.searchParams.set("stepId", options.stepId ?? "step");
  const body = {
    event: options.run.event,
    events: options.run.events ?? [options.run.event],
    steps,
    ctx: {
      run_id: options.run.id,
      attempt: options.attempt,
      max_attempts: options.maxAttempts,
      disable_immediate_execution: options.run.disableImmediateExecution,
      use_api: false,
      ...(options.checkpoint
        ? { fn_id: options.checkpoint.fnId, qi_id: options.checkpoint.queueItemId }
        : {}),
      stack: { stack: memoized.map((step) => step.stepId), current: memoized.length },
    },
  };
  // The SDK verifies the signature over the canonical form of the JSON it parses, so that is the form sent.
  const text = canonicalJson(body);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.signingKey) headers[SIGNATURE_HEADER] = signatureFor(text, options.signingKey);
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", headers, body: text, signal: options.signal });
  } catch (error) {
    return {
      kind: "retry",
      error: { message: `could not reach the app: ${String(error)}` },
      retryAfterMs: null,
    };
  }
  return readOutcome(response, options.signingKey);
}

async function readOutcome(response: Response, signingKey?: string): Promise<CallOutcome> {
  const text = await response.text();
  if (signingKey) {
    const check = checkSignature(response.headers.get(SIGNATURE_HEADER), text, signingKey);
    if (!check.ok) {
      const error = {
        message: `the app answered ${response.status} with ${check.reason}: ${text.slice(0, 500)}`,
      };
      // An unsigned 5xx is the platform's, not the SDK's (a crash before it answered): worth another try.
      return response.status >= 500
        ? { kind: "retry", error, retryAfterMs: null }
        : { kind: "fail", error };
    }
  }
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { message: text.slice(0, 2000) };
  }
  if (response.status === 200) return { kind: "complete", output: json, steps: [] };
  if (response.status === 206) {
    const list = Array.isArray(json) ? json : [json];
    const ops = list.map((op) => opSchema.parse(op));
    const complete = ops.find((op) => op.op === "RunComplete");
    if (complete)
      return {
        kind: "complete",
        output: complete.data ?? null,
        steps: ops.filter((op) => op.op === "StepRun"),
      };
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
