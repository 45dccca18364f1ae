import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { goalCompletions, users } from "@/lib/db/schema";

export interface GoalCompletionRow {
  id: number;
  userId: number;
  email: string;
  completedAt: Date;
  source: string;
}

/** A goal's most recent completions, with who completed it. */
export async function listGoalCompletions(
  db: Db,
  options: { goalId: number; limit: number },
): Promise<GoalCompletionRow[]> {
  return db
    .select({
      id: goalCompletions.id,
      userId: users.id,
      email: users.email,
      completedAt: goalCompletions.completedAt,
      source: goalCompletions.source,
    })
    .from(goalCompletions)
    .innerJoin(users, eq(users.id, goalCompletions.userId))
    .where(eq(goalCompletions.goalId, options.goalId))
    .orderBy(desc(goalCompletions.completedAt), desc(goalCompletions.id))
    .limit(options.limit);
}
