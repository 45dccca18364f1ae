import "server-only";
import { z } from "zod";
import { MINUTE_MS, now } from "@/lib/clock";
import { findIncompleteGoals } from "@/lib/goals/find-incomplete-goals";
import { finishTimedVisit } from "@/lib/scenarios/engine/run-visits";
import type { NodeOf } from "@/lib/scenarios/graph";
import { formatMinutes } from "../format-minutes";
import { CONTINUES_IN_NEXT_RUN, type TimedNodeExecutor, type TimedVisit } from "../node-executor";
import { MAX_GOAL_CHECKS } from "./definition";

/** A goal check that waits at least this long, so a deadline a moment away does not spin. */
const MIN_GOAL_WAIT_MS = 1000;

interface GoalCheck {
  /** `yes` (all done), `no` (timed out), or null to keep waiting. */
  outcome: "yes" | "no" | null;
  /** When the check ran and the deadline, as the executor needs them to size the next wait deterministically. */
  checkedAt: string;
  deadline: string | null;
}

/** Where a visit paused for the next executor run: the wait-and-check to go on with, after the last check. */
const goalProgressSchema = z.object({
  next: z.number().int().positive(),
  check: z.object({
    outcome: z.null(),
    checkedAt: z.string(),
    deadline: z.string().nullable(),
  }),
});

/**
 * Checks the goals (`check 0`), then waits for a goal to be completed or the recheck period to pass (`wait n`) and
 * checks again (`check n`), until all are done (yes) or the timeout passes (no). A goal without a timeout gives up
 * (`give up`, no) after MAX_GOAL_CHECKS. Before each wait the visit may pause for the run's next executor run, which
 * goes on with the same wait-and-check numbers.
 */
export const goalExecutor: TimedNodeExecutor<"goal"> = {
  spansTime: true,
  async execute({ node, visit, step, resume }) {
    const resumed = resume ? goalProgressSchema.parse(resume) : null;
    let check: GoalCheck = resumed
      ? resumed.check
      : await step.run("check 0", () => checkGoals(visit, node));
    for (let n = resumed?.next ?? 1; check.outcome === null; n++) {
      if (n > MAX_GOAL_CHECKS) {
        await step.run("give up", () => giveUp(visit, node));
        return "no";
      }
      if (step.pauseIfOutOfSteps({ next: n, check })) return CONTINUES_IN_NEXT_RUN;
      const untilDeadline = check.deadline
        ? Date.parse(check.deadline) - Date.parse(check.checkedAt)
        : Infinity;
      const timeout = Math.max(
        MIN_GOAL_WAIT_MS,
        Math.min(node.config.recheckMinutes * MINUTE_MS, untilDeadline),
      );
      // Wakes early when the user completes a goal; otherwise rechecks on the period.
      await step.waitForEvent(`wait ${n}`, {
        event: "goal.completed",
        timeout,
        if: `async.data.user_id == ${visit.userId}`,
      });
      check = await step.run(`check ${n}`, () => checkGoals(visit, node));
    }
    return check.outcome;
  },
  async simulate({ node, context }) {
    const missing = await findIncompleteGoals(context.db, {
      userId: context.userId,
      goalCodes: node.config.goals,
    });
    if (missing.length === 0)
      return { outcome: "yes", facts: { missing }, note: "All goals completed → yes" };
    const timeout = node.config.timeoutMinutes;
    return {
      outcome: null,
      facts: { missing },
      note: `Waits for ${missing.join(", ")}${timeout ? ` up to ${formatMinutes(timeout)}, then no` : ""}`,
    };
  },
};

/** Check a goal node's goals; finish the visit when all are done or the timeout has passed. */
async function checkGoals(
  { db, identity, userId, enteredAt }: TimedVisit,
  node: NodeOf<"goal">,
): Promise<GoalCheck> {
  const at = now();
  const deadline =
    node.config.timeoutMinutes === null
      ? null
      : new Date(enteredAt.getTime() + node.config.timeoutMinutes * MINUTE_MS);
  const missing = await findIncompleteGoals(db, { userId, goalCodes: node.config.goals });
  let outcome: GoalCheck["outcome"] = null;
  if (missing.length === 0) outcome = "yes";
  else if (deadline && at.getTime() >= deadline.getTime()) outcome = "no";
  if (outcome) {
    const completed = node.config.goals.filter((g) => !missing.includes(g));
    await finishTimedVisit(db, identity, outcome, {
      goals: node.config.goals,
      completed,
      missing,
      timed_out: outcome === "no",
    });
  }
  return { outcome, checkedAt: at.toISOString(), deadline: deadline?.toISOString() ?? null };
}

/** A goal without a timeout that reached the recheck limit: it ends as `no`. */
async function giveUp({ db, identity, userId }: TimedVisit, node: NodeOf<"goal">): Promise<void> {
  const missing = await findIncompleteGoals(db, { userId, goalCodes: node.config.goals });
  await finishTimedVisit(db, identity, "no", {
    goals: node.config.goals,
    missing,
    timed_out: true,
    reason: "recheck limit reached",
  });
}
