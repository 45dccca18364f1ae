import { Card, CardHeader } from "@/components/ui/card";
import type { Db } from "@/lib/db";
import { listScenarioRuns } from "@/lib/scenarios/runs/list-scenario-runs";
import { ScenarioRunsTable } from "./scenario-runs-table";

/** The scenario's latest runs, each linking to its path. */
export async function ScenarioRecentRunsCard({ db, scenarioId }: { db: Db; scenarioId: number }) {
  const { rows, total } = await listScenarioRuns(db, { scenarioId, limit: 20, offset: 0 });
  return (
    <Card data-testid="scenario-runs">
      <CardHeader title="Recent runs" description={`${total} in total; the latest 20.`} />
      {rows.length === 0 ? (
        <p className="px-5 py-4 text-sm text-zinc-500" data-testid="scenario-runs-empty">No user has entered this scenario yet.</p>
      ) : (
        <ScenarioRunsTable runs={rows} show="user" />
      )}
    </Card>
  );
}
