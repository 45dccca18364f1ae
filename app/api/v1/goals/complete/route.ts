import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { AppError, invalid } from "@/lib/errors";
import { completeGoal } from "@/lib/goals/complete-goal";
import { serializeGoalCompletion } from "@/lib/goals/goal-json";
import { completeGoalBodySchema } from "@/lib/api/operations/goals";

export const POST = apiRoute(
  { auth: { token: "api-or-user", scope: "goals" }, body: completeGoalBodySchema },
  async ({ db, body, principal }) => {
    let userId: number;
    if (principal.kind === "api") {
      if (body.user_id === undefined)
        throw invalid(
          "user_id_required",
          "With an API token, send the user_id to complete it for.",
        );
      userId = body.user_id;
    } else {
      // A customer completes goals for themselves only; naming someone else is refused, not silently redirected.
      if (body.user_id !== undefined && body.user_id !== principal.user.id) {
        throw new AppError(
          "other_user_forbidden",
          "A user token can only complete goals for its own user.",
          403,
        );
      }
      userId = principal.user.id;
    }
    const result = await completeGoal(db, {
      goalCode: body.goal_code,
      userId,
      source: principal.kind === "api" ? "api" : "user",
    });
    return NextResponse.json({
      completion: serializeGoalCompletion(result.completion),
      completed_now: result.completedNow,
    });
  },
);
