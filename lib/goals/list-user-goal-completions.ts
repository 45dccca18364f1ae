import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { goalCompletions, goals } from "@/lib/db/schema";

export interface UserGoalCompletionRow {
  id: number;
  goalId: number;
  goalCode: string;
  goalName: string;
  completedAt: Date;
  source: string;
}

/** The goals a user completed, most recent first. */
export async function listUserGoalCompletions(
  db: Db,
  options: { userId: number },
): Promise<UserGoalCompletionRow[]> {
  return db
    .select({
      id: goalCompletions.id,
      goalId: goals.id,
      goalCode: goals.code,
      goalName: goals.name,
      completedAt: goalCompletions.completedAt,
      source: goalCompletions.source,
    })
    .from(goalCompletions)
    .innerJoin(goals, eq(goals.id, goalCompletions.goalId))
    .where(eq(goalCompletions.userId, options.userId))
    .orderBy(desc(goalCompletions.completedAt), desc(goalCompletions.id));
}
