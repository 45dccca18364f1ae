import "server-only";
import { eq } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { goals, type Goal } from "@/lib/db/schema";
import { conflict, isUniqueViolation, notFound } from "@/lib/errors";
import { goalInputSchema, type GoalInput } from "./goal-schemas";

/**
 * Create a goal (no id) or edit one (id). A taken code is `goal_exists` (409). Scenarios reference goals by code, so
 * renaming a code leaves those scenarios pointing at nothing; validation reports it when they are next published.
 */
export async function saveGoal(db: Db, options: GoalInput & { id?: number }): Promise<Goal> {
  const input = goalInputSchema.parse(options);
  const values = { code: input.code, name: input.name, description: input.description ?? null, updatedAt: now() };
  try {
    const [goal] =
      options.id === undefined
        ? await db.insert(goals).values({ ...values, createdAt: now() }).returning()
        : await db.update(goals).set(values).where(eq(goals.id, options.id)).returning();
    if (!goal) throw notFound("goal_not_found", "No such goal.");
    return goal;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("goal_exists", `A goal with code "${input.code}" exists.`);
    throw error;
  }
}
