import { z } from "zod";

/*
 * The parts of Inngest's SDK protocol the local executor speaks (docs/SDK_SPEC.md in inngest/inngest; the SDK in
 * node_modules/inngest is the final word for the pinned version).
 */

export const triggerSchema = z.union([
  z.object({ event: z.string(), expression: z.string().optional() }),
  z.object({ cron: z.string(), jitter: z.string().optional() }),
]);

export const cancelSchema = z.object({
  event: z.string(),
  if: z.string().optional(),
  timeout: z.string().optional(),
});

/** Inngest's limits: 1 to 100 events a batch, a timeout from 1 s to 60 s. */
export const batchEventsSchema = z.object({
  maxSize: z.number().int().min(1).max(100),
  timeout: z.string().refine((text) => {
    const ms = parseDuration(text);
    return ms !== null && ms >= 1000 && ms <= 60_000;
  }, "timeout must be a duration from 1s to 60s"),
  key: z.string().optional(),
  if: z.string().optional(),
});

export const registeredFunctionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    triggers: z.array(triggerSchema).min(1),
    steps: z.record(
      z.string(),
      z.object({
        id: z.string(),
        name: z.string(),
        runtime: z.object({ type: z.string(), url: z.string() }),
        retries: z.object({ attempts: z.number().int().min(0).max(20).optional() }).optional(),
      }),
    ),
    idempotency: z.string().optional(),
    cancel: z.array(cancelSchema).optional(),
    batchEvents: batchEventsSchema.optional(),
  })
  .loose();
export type RegisteredFunction = z.infer<typeof registeredFunctionSchema>;

export const registerBodySchema = z
  .object({ url: z.string(), appName: z.string().optional(), functions: z.array(z.unknown()) })
  .loose();

/** Function options Inngest has and this executor does not implement: refused at sync, never ignored. */
export const UNSUPPORTED_FUNCTION_OPTIONS = [
  "concurrency",
  "throttle",
  "rateLimit",
  "debounce",
  "priority",
  "timeouts",
  "singleton",
] as const;

/** Options this executor does not combine with `batchEvents` (a batch has no one event to key or cancel by). */
export const OPTIONS_NOT_WITH_BATCHES = ["idempotency", "cancel"] as const;

export const opSchema = z
  .object({
    id: z.string(),
    op: z.string(),
    name: z.string().optional(),
    displayName: z.string().optional(),
    opts: z.record(z.string(), z.unknown()).nullish(),
    data: z.unknown().optional(),
    error: z.unknown().optional(),
  })
  .loose();
export type Op = z.infer<typeof opSchema>;

export const incomingEventSchema = z
  .object({
    id: z.string().min(1).optional(),
    name: z.string().min(1),
    data: z.record(z.string(), z.unknown()).default({}),
    user: z.record(z.string(), z.unknown()).optional(),
    ts: z.number().optional(),
    v: z.string().optional(),
  })
  .loose();
export type IncomingEvent = z.infer<typeof incomingEventSchema>;

export interface StoredEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
  user?: Record<string, unknown>;
  ts: number;
  v?: string;
}

/** Default Inngest retries: 4 (5 attempts); at most 20. */
export const DEFAULT_RETRIES = 4;

export function retriesOf(fn: RegisteredFunction): number {
  const step = Object.values(fn.steps)[0];
  return Math.min(step?.retries?.attempts ?? DEFAULT_RETRIES, 20);
}

export function runtimeUrlOf(fn: RegisteredFunction): string {
  const step = fn.steps.step ?? Object.values(fn.steps)[0];
  if (!step) throw new Error(`function ${fn.id} has no step runtime`);
  return step.runtime.url;
}

const UNIT_MS: Record<string, number> = {
  w: 604_800_000,
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
};

/** Inngest duration strings as the SDK writes them ("3d", "2h30m10s"). */
export function parseDuration(text: string): number | null {
  const pattern = /(\d+(?:\.\d+)?)(ms|w|d|h|m|s)/g;
  let total = 0;
  let consumed = 0;
  for (const match of text.matchAll(pattern)) {
    total += Number(match[1]) * (UNIT_MS[match[2] ?? ""] ?? 0);
    consumed += match[0].length;
  }
  return consumed === text.length && consumed > 0 ? total : null;
}

/** A Sleep op's target: a duration from now, or an ISO time (sleepUntil). */
export function sleepTarget(name: string, now: Date): Date {
  const duration = parseDuration(name);
  if (duration !== null) return new Date(now.getTime() + duration);
  const until = new Date(name);
  if (Number.isNaN(until.getTime())) throw new Error(`cannot read sleep "${name}"`);
  return until;
}
