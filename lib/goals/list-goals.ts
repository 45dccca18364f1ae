import "server-only";
import { asc, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { goalCompletions, goals, type Goal } from "@/lib/db/schema";

export type GoalListRow = Goal & { completionCount: number };

/** Goals (all, or the given ids) by code, with how many users completed each. */
export async function listGoals(db: Db, options: { ids?: number[] } = {}): Promise<GoalListRow[]> {
  if (options.ids?.length === 0) return [];
  return db
    .select({
      ...getTableColumns(goals),
      completionCount: sql<number>`count(${goalCompletions.id})::int`,
    })
    .from(goals)
    .leftJoin(goalCompletions, eq(goalCompletions.goalId, goals.id))
    .where(options.ids ? inArray(goals.id, options.ids) : undefined)
    .groupBy(goals.id)
    .orderBy(asc(goals.code));
}
