import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { goalSchema } from "@/lib/goals/goal-json";
import { goalCodeSchema } from "@/lib/goals/goal-schemas";

export const createGoalBodySchema = z
  .strictObject({
    code: goalCodeSchema.meta({ description: "Unique; scenarios' goal nodes and POST /goals/complete name it." }),
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
  responses: { "200": { description: "The goals, by code.", content: jsonContent(goalListSchema) } },
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
