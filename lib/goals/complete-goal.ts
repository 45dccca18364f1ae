import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { goalCompletions, goals, users, type GoalCompletion } from "@/lib/db/schema";
import { invalid, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import type { GoalCompletionSource } from "./schemas";

export interface CompleteGoalOptions {
  goalCode: string;
  userId: number;
  source: GoalCompletionSource;
}

export interface CompleteGoalResult {
  completion: GoalCompletion & { goalCode: string };
  /** False when the user had completed it before: nothing changed and no event was recorded. */
  completedNow: boolean;
}

/**
 * Mark a goal completed for a user, at most once. The insert and its `goal.completed` event share a transaction, and
 * ON CONFLICT DO NOTHING makes concurrent calls race on the unique (goal, user) index: exactly one inserts, so
 * exactly one event is recorded. Unknown goal → `goal_not_found` (404); unknown user → `user_not_found` (400).
 */
export async function completeGoal(
  db: Db,
  options: CompleteGoalOptions,
): Promise<CompleteGoalResult> {
  return db.transaction(async (tx) => {
    const [goal] = await tx
      .select({
        id: goals.id,
        code: goals.code,
        userExists: sql<boolean>`exists (${tx.select({ id: users.id }).from(users).where(eq(users.id, options.userId))})`,
      })
      .from(goals)
      .where(eq(goals.code, options.goalCode))
      .limit(1);
    if (!goal) throw notFound("goal_not_found", `No goal with code "${options.goalCode}".`);
    if (!goal.userExists) throw invalid("user_not_found", `No user with id ${options.userId}.`);

    const [inserted] = await tx
      .insert(goalCompletions)
      .values({
        goalId: goal.id,
        userId: options.userId,
        completedAt: now(),
        source: options.source,
      })
      .onConflictDoNothing({ target: [goalCompletions.goalId, goalCompletions.userId] })
      .returning();
    if (inserted) {
      await recordEvent(tx, {
        name: "goal.completed",
        userId: options.userId,
        payload: { goal_code: goal.code, goal_id: goal.id, source: options.source },
      });
      return { completion: { ...inserted, goalCode: goal.code }, completedNow: true };
    }
    // Completed before (or by a concurrent call that committed first): report that completion unchanged.
    const [existing] = await tx
      .select()
      .from(goalCompletions)
      .where(and(eq(goalCompletions.goalId, goal.id), eq(goalCompletions.userId, options.userId)))
      .limit(1);
    if (!existing) throw new Error("goal completion vanished between insert and read");
    return { completion: { ...existing, goalCode: goal.code }, completedNow: false };
  });
}
