import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { goals } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { refuseIfScenariosUse } from "@/lib/scenarios/find-scenarios-using";

/** Delete a goal and its completions (cascade), unless a scenario waits for it (`goal_in_use`, 409). */
export async function deleteGoal(db: Db, options: { goalId: number }): Promise<void> {
  await db.transaction(async (tx) => {
    const [goal] = await tx
      .select({ code: goals.code })
      .from(goals)
      .where(eq(goals.id, options.goalId))
      .for("update");
    if (!goal) throw notFound("goal_not_found", "No such goal.");
    await refuseIfScenariosUse(tx, { kind: "goal", code: goal.code }, `Goal "${goal.code}"`);
    await tx.delete(goals).where(eq(goals.id, options.goalId));
  });
}
