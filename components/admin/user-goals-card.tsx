import "server-only";
import { completeGoalForUserAction } from "@/lib/actions/goals/complete-goal-for-user";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { getDb } from "@/lib/db";
import { listGoals } from "@/lib/goals/list-goals";
import { listUserGoalCompletions } from "@/lib/goals/list-user-goal-completions";
import { CompleteGoalForm } from "./complete-goal-form";

/**
 * A user's onboarding goals on the admin user page: what they completed, and a form to complete another. It loads its
 * own data and action so the user page needs one line for it.
 */
export async function UserGoalsCard({
  userId,
  canComplete,
}: {
  userId: number;
  /** Whether the viewer may complete goals for users (automation.write): the form shows only then. */
  canComplete: boolean;
}) {
  const db = await getDb();
  const [completions, goals] = await Promise.all([
    listUserGoalCompletions(db, { userId }),
    listGoals(db),
  ]);
  const done = new Set(completions.map((c) => c.goalCode));
  const open = goals
    .filter((goal) => !done.has(goal.code))
    .map(({ code, name }) => ({ code, name }));
  return (
    <Card data-testid="user-goals-card">
      <CardHeader
        title="Goals"
        description={`${completions.length} of ${goals.length} completed`}
      />
      <CardBody className="space-y-4">
        {completions.length === 0 ? (
          <p className="text-sm text-zinc-500">No goals completed yet.</p>
        ) : (
          <ul className="space-y-2 text-sm" data-testid="user-goal-completions">
            {completions.map((completion) => (
              <li
                key={completion.id}
                className="flex items-start justify-between gap-3"
                data-testid={`user-goal-${completion.goalCode}`}
              >
                <span className="min-w-0">
                  <span className="font-medium text-zinc-900">{completion.goalName}</span>
                  <span className="block text-xs text-zinc-500">
                    <Time value={completion.completedAt} />
                  </span>
                </span>
                <Badge>{completion.source}</Badge>
              </li>
            ))}
          </ul>
        )}
        {canComplete && open.length > 0 ? (
          <CompleteGoalForm action={completeGoalForUserAction} target={{ userId, goals: open }} />
        ) : null}
      </CardBody>
    </Card>
  );
}
