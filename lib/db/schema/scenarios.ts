import { type InferSelectModel, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { createdAt, id, timestamptz, updatedAt } from "./columns";
import { users } from "./users";

export const scenarioStatus = pgEnum("scenario_status", [
  "draft",
  "enabled",
  "disabled",
  "deleted",
]);
export type ScenarioStatus = (typeof scenarioStatus.enumValues)[number];

export const scenarioReentry = pgEnum("scenario_reentry", ["always", "once", "once_per_days"]);
export type ScenarioReentry = (typeof scenarioReentry.enumValues)[number];

export const scenarios = pgTable(
  "scenarios",
  {
    id: id(),
    name: text("name").notNull(),
    status: scenarioStatus("status").notNull().default("draft"),
    /** The graph being edited (`lib/scenarios/graph.ts`); runs never read it, they read a version. */
    draftGraph: jsonb("draft_graph").$type<unknown>().notNull(),
    draftUpdatedAt: timestamptz("draft_updated_at").notNull().defaultNow(),
    reentry: scenarioReentry("reentry").notNull().default("once"),
    /** For `once_per_days`. */
    reentryDays: integer("reentry_days"),
    /**
     * The conversion: an event within `conversion_window_days` after entry (both null when none is defined). Kept on
     * the scenario, not in a version's graph, like the re-entry rule: it is how the scenario is measured across all its
     * versions, and changing it must not need a new version.
     */
    conversionEvent: text("conversion_event"),
    conversionWindowDays: integer("conversion_window_days"),
    /** Share (0–50 %) of entering users held out: sticky per (scenario, user), see `lib/scenarios/holdout.ts`. */
    holdoutPercent: integer("holdout_percent").notNull().default(0),
    /**
     * Events that end a user's open runs at once (`exited`), whatever version they pinned:
     * `[{ event, filter }]` (`lib/scenarios/exit-rules.ts`).
     */
    exitRules: jsonb("exit_rules").$type<unknown[]>().notNull().default([]),
    currentVersionId: integer("current_version_id").references(
      (): AnyPgColumn => scenarioVersions.id,
      {
        onDelete: "set null",
      },
    ),
    copiedFromId: integer("copied_from_id").references((): AnyPgColumn => scenarios.id, {
      onDelete: "set null",
    }),
    deletedAt: timestamptz("deleted_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("scenarios_status_idx").on(t.status),
    index("scenarios_conversion_event_idx")
      .on(t.conversionEvent)
      .where(sql`${t.conversionEvent} is not null`),
  ],
);
export type Scenario = InferSelectModel<typeof scenarios>;

/** A published graph. Never updated: runs pin the version they entered with. */
export const scenarioVersions = pgTable(
  "scenario_versions",
  {
    id: id(),
    scenarioId: integer("scenario_id")
      .notNull()
      .references((): AnyPgColumn => scenarios.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    graph: jsonb("graph").$type<unknown>().notNull(),
    note: text("note"),
    publishedBy: integer("published_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("scenario_versions_number_key").on(t.scenarioId, t.number)],
);
export type ScenarioVersion = InferSelectModel<typeof scenarioVersions>;

export const scenarioRunStatus = pgEnum("scenario_run_status", [
  "running",
  "waiting",
  "completed",
  "failed",
  "cancelled",
  "exited",
]);
export type ScenarioRunStatus = (typeof scenarioRunStatus.enumValues)[number];

/** One user's walk through one version, started by one trigger (an event id or a before-event occurrence). */
export const scenarioRuns = pgTable(
  "scenario_runs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    scenarioId: integer("scenario_id")
      .notNull()
      .references(() => scenarios.id, { onDelete: "cascade" }),
    versionId: integer("version_id")
      .notNull()
      .references(() => scenarioVersions.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** `event:<event id>` or `before:<node>:<entity>:<date>`: a trigger enters a scenario once per user. */
    triggerKey: text("trigger_key").notNull(),
    triggerEvent: text("trigger_event").notNull(),
    triggerPayload: jsonb("trigger_payload").$type<Record<string, unknown>>().notNull().default({}),
    /** The trigger nodes the run starts from. */
    entryNodeIds: jsonb("entry_node_ids").$type<string[]>().notNull(),
    status: scenarioRunStatus("status").notNull().default("running"),
    statusReason: text("status_reason"),
    /** Held out (the scenario's holdout share): created `completed` with reason `holdout`, it walks nothing. */
    holdout: boolean("holdout").notNull().default(false),
    /** The executor run that owns this run: a second delivery of the start event exits without walking. */
    executorRunId: text("executor_run_id"),
    createdAt: createdAt(),
    startedAt: timestamptz("started_at"),
    finishedAt: timestamptz("finished_at"),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("scenario_runs_trigger_key").on(t.scenarioId, t.userId, t.triggerKey),
    index("scenario_runs_user_idx").on(t.userId, t.createdAt),
    index("scenario_runs_scenario_idx").on(t.scenarioId, t.createdAt),
    index("scenario_runs_unclaimed_idx")
      .on(t.createdAt)
      .where(sql`${t.executorRunId} is null`),
  ],
);
export type ScenarioRun = InferSelectModel<typeof scenarioRuns>;

/** One visit of one node in one run: what happened there and the facts behind a decision. */
export const scenarioRunSteps = pgTable(
  "scenario_run_steps",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    runId: bigint("run_id", { mode: "number" })
      .notNull()
      .references(() => scenarioRuns.id, { onDelete: "cascade" }),
    scenarioId: integer("scenario_id").notNull(),
    versionId: integer("version_id").notNull(),
    nodeId: text("node_id").notNull(),
    nodeType: text("node_type").notNull(),
    /** Stable per run: `<lane>/<node>/<visit>`; the step's name in the durable run. */
    stepKey: text("step_key").notNull(),
    visit: integer("visit").notNull(),
    /** The edge the run came in by (null for trigger nodes). */
    viaEdgeId: text("via_edge_id"),
    enteredAt: timestamptz("entered_at").notNull(),
    finishedAt: timestamptz("finished_at"),
    /** The port taken (`out`, `yes`, `no`, `variant:<code>`), or `cancelled` / `failed` / `skipped`. Null while in progress. */
    outcome: text("outcome"),
    facts: jsonb("facts").$type<Record<string, unknown>>().notNull().default({}),
    /** Set once counted into `scenario_stat_buckets`. */
    aggregatedAt: timestamptz("aggregated_at"),
  },
  (t) => [
    uniqueIndex("scenario_run_steps_step_key").on(t.runId, t.stepKey),
    index("scenario_run_steps_scenario_idx").on(t.scenarioId, t.enteredAt),
    index("scenario_run_steps_unaggregated_idx")
      .on(t.finishedAt)
      .where(sql`${t.aggregatedAt} is null`),
  ],
);
export type ScenarioRunStep = InferSelectModel<typeof scenarioRunSteps>;

/**
 * Side effects a retried step must not repeat (extending a subscription): the first attempt records its facts under
 * the visit's idempotency key in the same transaction as the effect; a retry finds them and does nothing.
 */
export const scenarioActionEffects = pgTable("scenario_action_effects", {
  idempotencyKey: text("idempotency_key").primaryKey(),
  facts: jsonb("facts").$type<Record<string, unknown>>().notNull(),
  createdAt: createdAt(),
});

/** A user's A/B variant at one node: drawn once, kept on re-entry. */
export const scenarioAbAssignments = pgTable(
  "scenario_ab_assignments",
  {
    scenarioId: integer("scenario_id")
      .notNull()
      .references(() => scenarios.id, { onDelete: "cascade" }),
    nodeId: text("node_id").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    variant: text("variant").notNull(),
    assignedAt: timestamptz("assigned_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.scenarioId, t.nodeId, t.userId] })],
);

/** Before-event occurrences already started: (trigger node, entity, entity date) fires once. */
export const scenarioBeforeEventFires = pgTable(
  "scenario_before_event_fires",
  {
    scenarioId: integer("scenario_id")
      .notNull()
      .references(() => scenarios.id, { onDelete: "cascade" }),
    nodeId: text("node_id").notNull(),
    trigger: text("trigger").notNull(),
    entityId: integer("entity_id").notNull(),
    entityDate: timestamptz("entity_date").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** entity_date minus the node's offset: the tick whose window holds it starts the run. */
    dueAt: timestamptz("due_at").notNull(),
    /** The run's trigger payload (entity ids for criteria, and the occurrence to re-check at start). */
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** Null when the re-entry rule kept the user out. */
    runId: bigint("run_id", { mode: "number" }).references(() => scenarioRuns.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.scenarioId, t.nodeId, t.trigger, t.entityId, t.entityDate] }),
    index("scenario_before_event_fires_due_idx").on(t.dueAt),
  ],
);

/** Where a catching-up cron function got to (`before-events`): the next tick starts from `until`. */
export const scenarioCronCursors = pgTable("scenario_cron_cursors", {
  name: text("name").primaryKey(),
  until: timestamptz("until").notNull(),
});

/** Hourly counts of finished visits older than the raw window, per node, outcome and entering edge. */
export const scenarioStatBuckets = pgTable(
  "scenario_stat_buckets",
  {
    scenarioId: integer("scenario_id")
      .notNull()
      .references(() => scenarios.id, { onDelete: "cascade" }),
    versionId: integer("version_id").notNull(),
    nodeId: text("node_id").notNull(),
    outcome: text("outcome").notNull(),
    /** '' for visits entered without an edge (trigger nodes). */
    viaEdgeId: text("via_edge_id").notNull(),
    hour: timestamptz("hour").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.versionId, t.nodeId, t.outcome, t.viaEdgeId, t.hour] }),
    index("scenario_stat_buckets_scenario_idx").on(t.scenarioId, t.hour),
  ],
);

/**
 * A run's conversion: the first matching event within the scenario's window after the run's entry (one per run), with
 * its revenue. Written by `attributeConversions`, which counts it into `scenario_report_counters` in the same statement.
 */
export const scenarioConversions = pgTable(
  "scenario_conversions",
  {
    runId: bigint("run_id", { mode: "number" })
      .primaryKey()
      .references(() => scenarioRuns.id, { onDelete: "cascade" }),
    scenarioId: integer("scenario_id")
      .notNull()
      .references(() => scenarios.id, { onDelete: "cascade" }),
    versionId: integer("version_id").notNull(),
    userId: integer("user_id").notNull(),
    eventId: text("event_id").notNull(),
    eventName: text("event_name").notNull(),
    convertedAt: timestamptz("converted_at").notNull(),
    revenueCents: bigint("revenue_cents", { mode: "number" }).notNull().default(0),
    holdout: boolean("holdout").notNull(),
  },
  (t) => [index("scenario_conversions_scenario_idx").on(t.scenarioId, t.convertedAt)],
);
export type ScenarioConversion = InferSelectModel<typeof scenarioConversions>;

/**
 * The report's counters per scenario and UTC day: runs entered and conversions (with revenue) of the scenario as a
 * whole (`kind` `scenario`, `ref` ''), and conversions of the runs that passed a node (`node`, node id), an edge
 * (`edge`, edge id) or an A/B variant (`variant`, node id + `variant`, whose entries are counted too). Entries are
 * counted by database triggers on scenario_runs and scenario_run_steps (migration scenario_conversions), conversions
 * by `attributeConversions`, so the report reads a few hundred rows however many runs there are.
 */
export const scenarioReportCounters = pgTable(
  "scenario_report_counters",
  {
    scenarioId: integer("scenario_id")
      .notNull()
      .references(() => scenarios.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"scenario" | "node" | "edge" | "variant">().notNull(),
    ref: text("ref").notNull(),
    variant: text("variant").notNull(),
    holdout: boolean("holdout").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    entered: integer("entered").notNull().default(0),
    converted: integer("converted").notNull().default(0),
    revenueCents: bigint("revenue_cents", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.scenarioId, t.kind, t.ref, t.variant, t.holdout, t.day] })],
);
