import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { serializeGoal } from "@/lib/goals/goal-json";
import { listGoals } from "@/lib/goals/list-goals";
import { saveGoal } from "@/lib/goals/save-goal";
import { createGoalBodySchema } from "@/lib/api/operations/goals";

export const GET = apiRoute({ auth: { token: "api", scope: "goals" } }, async ({ db }) => {
  const rows = await listGoals(db);
  return NextResponse.json({ goals: rows.map(serializeGoal) });
});

export const POST = apiRoute(
  { auth: { token: "api", scope: "goals" }, body: createGoalBodySchema },
  async ({ db, body }) => {
    const goal = await saveGoal(db, body);
    // A new goal has no completions: its row is the whole answer.
    return NextResponse.json(
      { goal: serializeGoal({ ...goal, completionCount: 0 }) },
      { status: 201 },
    );
  },
);
