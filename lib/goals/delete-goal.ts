import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { goals } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";

/** Delete a goal and its completions (cascade). */
export async function deleteGoal(db: Db, options: { goalId: number }): Promise<void> {
  const deleted = await db.delete(goals).where(eq(goals.id, options.goalId)).returning({ id: goals.id });
  if (deleted.length === 0) throw notFound("goal_not_found", "No such goal.");
}
