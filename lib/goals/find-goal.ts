import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { goals, type Goal } from "@/lib/db/schema";

/** A goal by id, or null. */
export async function findGoal(db: Db, goalId: number): Promise<Goal | null> {
  const [goal] = await db.select().from(goals).where(eq(goals.id, goalId)).limit(1);
  return goal ?? null;
}

/** A goal by code, or null. */
export async function findGoalByCode(db: Db, code: string): Promise<Goal | null> {
  const [goal] = await db.select().from(goals).where(eq(goals.code, code)).limit(1);
  return goal ?? null;
}
