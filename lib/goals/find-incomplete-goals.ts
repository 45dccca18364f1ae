import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { goalCompletions, goals } from "@/lib/db/schema";

/**
 * Which of these goal codes the user has not completed (the scenario engine's `goal` node), in input order, from one
 * query. A code with no goal behind it counts as incomplete: a deleted goal must not let users through the node.
 */
export async function findIncompleteGoals(
  db: Db,
  options: { userId: number; goalCodes: readonly string[] },
): Promise<string[]> {
  const codes = [...new Set(options.goalCodes)];
  if (codes.length === 0) return [];
  const completed = await db
    .select({ code: goals.code })
    .from(goalCompletions)
    .innerJoin(goals, eq(goals.id, goalCompletions.goalId))
    .where(and(eq(goalCompletions.userId, options.userId), inArray(goals.code, codes)));
  const done = new Set(completed.map((row) => row.code));
  return codes.filter((code) => !done.has(code));
}
