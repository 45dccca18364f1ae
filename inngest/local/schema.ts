import { sql, type InferSelectModel } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
// Relative, not "@/…": drizzle-kit loads this file without the tsconfig paths.
import { timestamptz } from "../../lib/db/schema/columns";
import { LOCAL_EXECUTOR_SCHEMA } from "./migrations";

/*
 * State of the local Inngest executor, a development and test stand-in for the Inngest Dev Server. It lives in a
 * Postgres schema of its own, migrated by the executor when it starts (inngest/local/drizzle/): production runs on
 * Inngest, and the app's migrations (drizzle/) never create these tables. Table names carry no prefix: the schema
 * is the namespace (inngest_local.runs), and drizzle always qualifies them, so `events` here never meets the app's.
 */
export const localExecutorSchema = pgSchema(LOCAL_EXECUTOR_SCHEMA);

export const localFunctions = localExecutorSchema.table("functions", {
  id: text("id").primaryKey(),
  appUrl: text("app_url").notNull(),
  name: text("name").notNull(),
  /** The function as the SDK registered it: triggers, steps.step.runtime.url, retries, cancel, idempotency… */
  config: jsonb("config").$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamptz("updated_at").notNull(),
});

export const localEvents = localExecutorSchema.table(
  "events",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    id: text("id").notNull().unique(),
    name: text("name").notNull(),
    /** The event as received (name, data, user, ts, id). */
    event: jsonb("event").$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamptz("received_at").notNull(),
  },
  (t) => [index("events_name_idx").on(t.name, t.receivedAt)],
);

export const localRunStatus = localExecutorSchema.enum("run_status", [
  "running",
  "waiting",
  "completed",
  "failed",
  "cancelled",
]);
export type LocalRunStatus = (typeof localRunStatus.enumValues)[number];

export const localRuns = localExecutorSchema.table(
  "runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    functionId: text("function_id").notNull(),
    eventId: text("event_id").notNull(),
    event: jsonb("event").$type<Record<string, unknown>>().notNull(),
    /** A batched function's run: every event of its batch (`event` is the first). Null: the run has one event. */
    events: jsonb("events").$type<Record<string, unknown>[]>(),
    status: localRunStatus("status").notNull().default("running"),
    /** Once a run has gone parallel, the SDK must not run a step on discovery calls. */
    disableImmediateExecution: boolean("disable_immediate_execution").notNull().default(false),
    output: jsonb("output"),
    error: jsonb("error"),
    createdAt: timestamptz("created_at").notNull(),
    updatedAt: timestamptz("updated_at").notNull(),
    endedAt: timestamptz("ended_at"),
  },
  (t) => [
    index("runs_function_idx").on(t.functionId, t.createdAt),
    index("runs_open_idx")
      .on(t.functionId)
      .where(sql`${t.status} in ('running', 'waiting')`),
  ],
);
export type LocalRun = InferSelectModel<typeof localRuns>;

/** Memoized step results, in the order they were memoized (`seq`), which is the stack the SDK is sent. */
export const localSteps = localExecutorSchema.table(
  "steps",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => localRuns.id, { onDelete: "cascade" }),
    stepId: text("step_id").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    name: text("name"),
    op: text("op").notNull(),
    data: jsonb("data"),
    error: jsonb("error"),
    attempts: integer("attempts").notNull().default(1),
    createdAt: timestamptz("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.stepId] })],
);
export type LocalStep = InferSelectModel<typeof localSteps>;

export const localJobKind = localExecutorSchema.enum("job_kind", ["call", "sleep", "wait_timeout"]);

/**
 * Work to do for a run, picked with FOR UPDATE SKIP LOCKED: `call` the SDK (optionally for one planned step), or
 * resolve a `sleep` / `wait_timeout` step (memoize null) and then call. At most one discovery call and one call per
 * planned step are pending per run (partial unique indexes), so parallel steps never run twice.
 */
export const localJobs = localExecutorSchema.table(
  "jobs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    runId: uuid("run_id")
      .notNull()
      .references(() => localRuns.id, { onDelete: "cascade" }),
    kind: localJobKind("kind").notNull(),
    /** For `call`: the planned step to run (null = discovery). For sleep/wait_timeout: the step to resolve. */
    stepId: text("step_id"),
    dueAt: timestamptz("due_at").notNull(),
    attempt: integer("attempt").notNull().default(0),
    /**
     * Lease of the executor loop working on the job (wall-clock time, not the virtual clock). A job whose lease ran
     * out — its executor was killed mid-call — is picked up again.
     */
    lockedBy: text("locked_by"),
    lockedUntil: timestamptz("locked_until"),
    createdAt: timestamptz("created_at").notNull(),
  },
  (t) => [
    index("jobs_due_idx").on(t.dueAt),
    uniqueIndex("jobs_discovery_key")
      .on(t.runId)
      .where(sql`${t.kind} = 'call' and ${t.stepId} is null`),
    uniqueIndex("jobs_step_key")
      .on(t.runId, t.kind, t.stepId)
      .where(sql`${t.stepId} is not null`),
  ],
);
export type LocalJob = InferSelectModel<typeof localJobs>;

/** step.waitForEvent registrations: the first matching event resolves the step; the timeout job resolves it to null. */
export const localWaits = localExecutorSchema.table(
  "waits",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => localRuns.id, { onDelete: "cascade" }),
    stepId: text("step_id").notNull(),
    eventName: text("event_name").notNull(),
    expression: text("expression"),
    expiresAt: timestamptz("expires_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.stepId] }), index("waits_event_idx").on(t.eventName)],
);

export const localIdempotencyKeys = localExecutorSchema.table(
  "idempotency_keys",
  {
    functionId: text("function_id").notNull(),
    key: text("key").notNull(),
    expiresAt: timestamptz("expires_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.functionId, t.key] })],
);

/**
 * Events waiting for a batch of a `batchEvents` function: a batch (function, key) starts one run when it holds
 * `maxSize` events or when its oldest event has waited `timeout` (wall-clock time, as leases are).
 */
export const localBatchedEvents = localExecutorSchema.table(
  "batched_events",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    functionId: text("function_id").notNull(),
    batchKey: text("batch_key").notNull(),
    event: jsonb("event").$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamptz("received_at").notNull(),
  },
  (t) => [index("batched_events_batch_idx").on(t.functionId, t.batchKey, t.seq)],
);

export const localCronTicks = localExecutorSchema.table(
  "cron_ticks",
  {
    functionId: text("function_id").notNull(),
    cron: text("cron").notNull(),
    lastTickAt: timestamptz("last_tick_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.functionId, t.cron] })],
);
