import { ScenarioRunsTable } from "@/components/admin/scenarios/scenario-runs-table";
import { Card, CardHeader } from "@/components/ui/card";
import { getDb } from "@/lib/db";
import { listScenarioRuns } from "@/lib/scenarios/runs/list-scenario-runs";

/** On a user's admin page: the scenarios they went through, each run linking to its path with the reasons. */
export async function UserScenarioRunsCard({ userId }: { userId: number }) {
  const { rows, total } = await listScenarioRuns(await getDb(), { userId, limit: 20, offset: 0 });
  return (
    <Card data-testid="user-scenario-runs">
      <CardHeader
        title="Scenario runs"
        description={total > rows.length ? `The latest ${rows.length} of ${total}.` : undefined}
      />
      {rows.length === 0 ? (
        <p className="px-5 py-4 text-sm text-zinc-500" data-testid="user-scenario-runs-empty">
          This user has not entered any scenario.
        </p>
      ) : (
        <ScenarioRunsTable runs={rows} show="scenario" />
      )}
    </Card>
  );
}
