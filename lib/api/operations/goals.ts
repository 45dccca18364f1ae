import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/define-operation";
import { idInputSchema } from "@/lib/api/request-schemas";
import { goalCompletionSchema, goalSchema } from "@/lib/goals/goal-json";
import { goalCodeSchema } from "@/lib/goals/schemas";

export const createGoalBodySchema = z
  .strictObject({
    code: goalCodeSchema.meta({
      description: "Unique; scenarios' goal nodes and POST /goals/complete name it.",
    }),
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().max(1000).nullable().optional(),
  })
  .meta({ id: "CreateGoalRequest" });

export const goalResponseSchema = z.object({ goal: goalSchema }).meta({ id: "GoalResponse" });
export const goalListSchema = z.object({ goals: z.array(goalSchema) }).meta({ id: "GoalList" });

export const listGoalsOperation = defineOperation({
  operationId: "listGoals",
  summary: "List goals with their completion counts",
  tags: ["Goals"],
  auth: { token: "api", scope: "goals" },
  responses: {
    "200": { description: "The goals, by code.", content: jsonContent(goalListSchema) },
  },
});

export const createGoalOperation = defineOperation({
  operationId: "createGoal",
  summary: "Create an onboarding goal",
  tags: ["Goals"],
  auth: { token: "api", scope: "goals" },
  body: createGoalBodySchema,
  responses: { "201": { description: "Created.", content: jsonContent(goalResponseSchema) } },
  errors: { 409: ["goal_exists"] },
});

export const completeGoalBodySchema = z
  .strictObject({
    goal_code: goalCodeSchema,
    user_id: idInputSchema.optional().meta({
      description:
        "Required with an API token. With a user token: omit it, or send the user's own id.",
    }),
  })
  .meta({ id: "CompleteGoalRequest" });

export const completeGoalResponseSchema = z
  .object({
    completion: goalCompletionSchema,
    completed_now: z
      .boolean()
      .meta({ description: "False when the user had completed the goal before." }),
  })
  .meta({ id: "CompleteGoalResponse" });

export const completeGoalOperation = defineOperation({
  operationId: "completeGoal",
  summary: "Complete a goal for a user",
  description:
    "Mark a goal completed, at most once per user; the first completion emits `goal.completed`. With a user token " +
    "it completes for the signed-in user.",
  tags: ["Goals"],
  auth: { token: "api-or-user", scope: "goals" },
  body: completeGoalBodySchema,
  responses: {
    "200": {
      description: "Completed (now or before).",
      content: jsonContent(completeGoalResponseSchema),
    },
  },
  errors: {
    400: ["user_id_required", "user_not_found"],
    403: ["other_user_forbidden"],
    404: ["goal_not_found"],
  },
});
