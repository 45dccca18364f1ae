import "server-only";
import { and, eq } from "drizzle-orm";
import { MINUTE_MS, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { scenarioRunSteps } from "@/lib/db/schema";
import { findIncompleteGoals } from "@/lib/goals/find-incomplete-goals";
import type { NodeOf } from "@/lib/scenarios/graph";
import { finishVisit, setRunStatus, type VisitIdentity } from "./run-visits";

/** The longest single sleep the platform allows (Inngest Cloud's free plan: 7 days); longer waits are chained. */
export function maxSleepMs(): number {
  const minutes = Number(process.env.SCENARIO_MAX_SLEEP_MINUTES ?? "");
  return Number.isInteger(minutes) && minutes > 0 ? minutes * MINUTE_MS : 7 * 24 * 60 * MINUTE_MS;
}

/**
 * The wake-up times of a wait entered at `enteredAt`: one sleep per platform maximum, each until an absolute time, so
 * a chain woken late still ends when the wait does. Deterministic, so replays name the same steps.
 */
export function sleepTargets(enteredAt: Date, minutes: number, maxMs = maxSleepMs()): Date[] {
  const end = enteredAt.getTime() + minutes * MINUTE_MS;
  const targets: Date[] = [];
  for (let at = enteredAt.getTime() + maxMs; at < end; at += maxMs) targets.push(new Date(at));
  targets.push(new Date(end));
  return targets;
}

export async function finishWait(db: Db, identity: VisitIdentity, minutes: number): Promise<void> {
  await finishVisit(db, identity, "out", { minutes });
  await setRunStatus(db, identity.runId, "running");
}

export interface GoalCheck {
  /** `yes` (all done), `no` (timed out), or null to keep waiting. */
  outcome: "yes" | "no" | null;
  /** When the check ran and the deadline, as the walker needs them to size the next wait deterministically. */
  checkedAt: string;
  deadline: string | null;
}

/** Check a goal node's goals; finish the visit when all are done or the timeout has passed. */
export async function checkGoalNode(db: Db, identity: VisitIdentity, node: NodeOf<"goal">, userId: number): Promise<GoalCheck> {
  const [visit] = await db
    .select({ enteredAt: scenarioRunSteps.enteredAt })
    .from(scenarioRunSteps)
    .where(and(eq(scenarioRunSteps.runId, identity.runId), eq(scenarioRunSteps.stepKey, identity.stepKey)));
  const at = now();
  const enteredAt = visit?.enteredAt ?? at;
  const deadline = node.config.timeoutMinutes === null ? null : new Date(enteredAt.getTime() + node.config.timeoutMinutes * MINUTE_MS);
  const missing = await findIncompleteGoals(db, { userId, goalCodes: node.config.goals });
  let outcome: GoalCheck["outcome"] = null;
  if (missing.length === 0) outcome = "yes";
  else if (deadline && at.getTime() >= deadline.getTime()) outcome = "no";
  if (outcome) {
    const completed = node.config.goals.filter((g) => !missing.includes(g));
    await finishVisit(db, identity, outcome, { goals: node.config.goals, completed, missing, timed_out: outcome === "no" });
    await setRunStatus(db, identity.runId, "running");
  }
  return { outcome, checkedAt: at.toISOString(), deadline: deadline?.toISOString() ?? null };
}

/** A goal without a timeout that reached the recheck limit: it ends as `no`, so the run stays within its step budget. */
export async function giveUpGoalNode(db: Db, identity: VisitIdentity, node: NodeOf<"goal">, userId: number): Promise<void> {
  const missing = await findIncompleteGoals(db, { userId, goalCodes: node.config.goals });
  await finishVisit(db, identity, "no", { goals: node.config.goals, missing, timed_out: true, reason: "recheck limit reached" });
  await setRunStatus(db, identity.runId, "running");
}
