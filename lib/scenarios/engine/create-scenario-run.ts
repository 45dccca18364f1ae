import "server-only";
import { and, eq, gt, ne, sql } from "drizzle-orm";
import { DAY_MS, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { scenarioRuns, type ScenarioReentry } from "@/lib/db/schema";
import { isHeldOut } from "./holdout";

export interface NewScenarioRun {
  scenarioId: number;
  versionId: number;
  userId: number;
  reentry: ScenarioReentry;
  reentryDays: number | null;
  /** The scenario's holdout share (0–50): a held-out run is created finished (`lib/scenarios/engine/holdout.ts`). */
  holdoutPercent?: number;
  triggerKey: string;
  triggerEvent: string;
  triggerPayload: Record<string, unknown>;
  entryNodeIds: string[];
  /**
   * When the run entered (its `created_at`): its trigger event's time, so a conversion that follows the trigger counts
   * however late the event was dispatched. Never later than the run's creation; unset: its creation.
   */
  enteredAt?: Date;
}

/**
 * Start one run per (scenario, user, trigger), subject to the scenario's re-entry rule. Returns the run id — also when
 * this trigger already made the run (a replayed event, a retried step), so the caller can (re)send its start — or null
 * when the re-entry rule keeps the user out. A per-(scenario, user) transaction lock makes concurrent triggers of the
 * same user see each other's runs, so "once" means once. A scenario without a re-entry rule needs no lock: the unique
 * (scenario, user, trigger) index keeps one run per trigger, so that is one statement.
 */
export async function createScenarioRun(db: Db, run: NewScenarioRun): Promise<number | null> {
  if (run.reentry === "always") return (await insertRun(db, run)) ?? findRunId(db, run);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${run.scenarioId}::int, ${run.userId}::int)`);
    const existing = await findRunId(tx, run);
    if (existing !== null) return existing;
    if (run.reentry !== "always") {
      const conditions = [
        eq(scenarioRuns.scenarioId, run.scenarioId),
        eq(scenarioRuns.userId, run.userId),
        ne(scenarioRuns.triggerKey, run.triggerKey),
        // A before-event run cancelled at its start (the date moved) never ran: it does not use up the entry.
        sql`${scenarioRuns.statusReason} is distinct from 'before_event_date_changed'`,
      ];
      if (run.reentry === "once_per_days") {
        conditions.push(
          gt(scenarioRuns.createdAt, new Date(now().getTime() - (run.reentryDays ?? 1) * DAY_MS)),
        );
      }
      const [earlier] = await tx
        .select({ id: scenarioRuns.id })
        .from(scenarioRuns)
        .where(and(...conditions))
        .limit(1);
      if (earlier) return null;
    }
    return (await insertRun(tx, run)) ?? (await findRunId(tx, run));
  });
}

/**
 * The scenario_runs row of a new run, created at `at` (entered at `enteredAt` when earlier). A run in the scenario's
 * holdout is created `completed` (reason `holdout`): it still enters (re-entry rules and the report count it) but its
 * start walks nothing.
 */
export function scenarioRunRow(run: NewScenarioRun, at: Date): typeof scenarioRuns.$inferInsert {
  const heldOut = isHeldOut(run.scenarioId, run.userId, run.holdoutPercent ?? 0);
  return {
    ...(heldOut
      ? { holdout: true, status: "completed", statusReason: "holdout", finishedAt: at }
      : {}),
    scenarioId: run.scenarioId,
    versionId: run.versionId,
    userId: run.userId,
    triggerKey: run.triggerKey,
    triggerEvent: run.triggerEvent,
    triggerPayload: run.triggerPayload,
    entryNodeIds: run.entryNodeIds,
    createdAt: run.enteredAt && run.enteredAt < at ? run.enteredAt : at,
    updatedAt: at,
  };
}

async function insertRun(db: Db, run: NewScenarioRun): Promise<number | null> {
  const [created] = await db
    .insert(scenarioRuns)
    .values(scenarioRunRow(run, now()))
    .onConflictDoNothing({
      target: [scenarioRuns.scenarioId, scenarioRuns.userId, scenarioRuns.triggerKey],
    })
    .returning({ id: scenarioRuns.id });
  return created?.id ?? null;
}

async function findRunId(
  db: Db,
  run: Pick<NewScenarioRun, "scenarioId" | "userId" | "triggerKey">,
): Promise<number | null> {
  const [row] = await db
    .select({ id: scenarioRuns.id })
    .from(scenarioRuns)
    .where(
      and(
        eq(scenarioRuns.scenarioId, run.scenarioId),
        eq(scenarioRuns.userId, run.userId),
        eq(scenarioRuns.triggerKey, run.triggerKey),
      ),
    );
  return row?.id ?? null;
}
