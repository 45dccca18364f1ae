import { z } from "zod";
import { codeSchema } from "@/lib/subscriptions/schemas";

/** Goal input, shared by the admin form, the API and the service. UI-safe: no server imports. */

export const goalCodeSchema = codeSchema;

export const goalInputSchema = z.object({
  code: goalCodeSchema,
  name: z.string().trim().min(1, { message: "Give the goal a name." }).max(200),
  description: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? null : value),
    z.string().trim().max(1000).nullable().optional(),
  ),
});
export type GoalInput = z.input<typeof goalInputSchema>;

/** Who completed a goal: the API on a user's behalf, an admin, or the user with their own token. */
export const GOAL_COMPLETION_SOURCES = ["api", "admin", "user"] as const;
export type GoalCompletionSource = (typeof GOAL_COMPLETION_SOURCES)[number];
