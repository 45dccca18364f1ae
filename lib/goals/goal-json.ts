import { z } from "zod";
import { timestampSchema } from "@/lib/api/response-schemas";
import { GOAL_COMPLETION_SOURCES } from "./schemas";
import type { CompleteGoalResult } from "./complete-goal";
import type { GoalListRow } from "./list-goals";

/** Goals in the v1 API's snake_case JSON: the response schemas (also in OpenAPI) and the row → JSON mapping. */

export const goalSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    completion_count: z.number().int().meta({ description: "Users who completed it." }),
    created_at: timestampSchema,
  })
  .meta({ id: "Goal" });
export type GoalJson = z.output<typeof goalSchema>;

export const goalCompletionSchema = z
  .object({
    id: z.number().int(),
    goal_id: z.number().int(),
    goal_code: z.string(),
    user_id: z.number().int(),
    completed_at: timestampSchema,
    source: z
      .enum(GOAL_COMPLETION_SOURCES)
      .meta({ description: "Who completed it first: api, admin or user." }),
  })
  .meta({ id: "GoalCompletion" });
export type GoalCompletionJson = z.output<typeof goalCompletionSchema>;

export function serializeGoal(row: GoalListRow): GoalJson {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    completion_count: row.completionCount,
    created_at: row.createdAt.toISOString(),
  };
}

export function serializeGoalCompletion(
  completion: CompleteGoalResult["completion"],
): GoalCompletionJson {
  return {
    id: completion.id,
    goal_id: completion.goalId,
    goal_code: completion.goalCode,
    user_id: completion.userId,
    completed_at: completion.completedAt.toISOString(),
    source: completion.source as GoalCompletionJson["source"],
  };
}
