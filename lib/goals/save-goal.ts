import "server-only";
import { eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { goals, type Goal } from "@/lib/db/schema";
import { conflict, isUniqueViolation, notFound } from "@/lib/errors";
import { refuseIfScenariosUse } from "@/lib/scenarios/find-scenarios-using";
import { goalInputSchema, type GoalInput } from "./schemas";

/**
 * Create a goal (no id) or edit one (id). A taken code is `goal_exists` (409). Scenarios wait for goals by code, so
 * a code a scenario uses cannot change (`goal_in_use`, 409).
 */
export async function saveGoal(db: Db, options: GoalInput & { id?: number }): Promise<Goal> {
  const input = goalInputSchema.parse(options);
  const values = {
    code: input.code,
    name: input.name,
    description: input.description ?? null,
    updatedAt: now(),
  };
  try {
    return await db.transaction(async (tx) => {
      if (options.id !== undefined) {
        const [current] = await tx
          .select({ code: goals.code })
          .from(goals)
          .where(eq(goals.id, options.id))
          .for("update");
        if (!current) throw notFound("goal_not_found", "No such goal.");
        if (current.code !== input.code) {
          await refuseIfScenariosUse(
            tx,
            { kind: "goal", code: current.code },
            `Goal "${current.code}" (its code cannot change)`,
          );
        }
      }
      const [goal] =
        options.id === undefined
          ? await tx
              .insert(goals)
              .values({ ...values, createdAt: now() })
              .returning()
          : await tx.update(goals).set(values).where(eq(goals.id, options.id)).returning();
      if (!goal) throw notFound("goal_not_found", "No such goal.");
      return goal;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict("goal_exists", `A goal with code "${input.code}" exists.`);
    throw error;
  }
}
