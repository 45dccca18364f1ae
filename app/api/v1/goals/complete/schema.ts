import { z } from "zod";
import { idInputSchema } from "@/lib/api/request-schemas";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { goalCompletionSchema } from "@/lib/goals/goal-json";
import { goalCodeSchema } from "@/lib/goals/goal-schemas";

export const completeGoalBodySchema = z
  .strictObject({
    goal_code: goalCodeSchema,
    user_id: idInputSchema
      .optional()
      .meta({ description: "Required with an API token. With a user token: omit it, or send the user's own id." }),
  })
  .meta({ id: "CompleteGoalRequest" });

export const completeGoalResponseSchema = z
  .object({
    completion: goalCompletionSchema,
    completed_now: z.boolean().meta({ description: "False when the user had completed the goal before." }),
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
  responses: { "200": { description: "Completed (now or before).", content: jsonContent(completeGoalResponseSchema) } },
  errors: { 400: ["user_id_required", "user_not_found"], 403: ["other_user_forbidden"], 404: ["goal_not_found"] },
});
