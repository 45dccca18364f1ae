import { Card, CardHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { buttonClasses } from "@/components/ui/button";
import type { Db } from "@/lib/db";
import type { ScenarioGraph } from "@/lib/scenarios/graph";
import { getScenarioStats } from "@/lib/scenarios/stats/get-scenario-stats";
import { ScenarioStatsTable } from "./scenario-stats-table";

/** Per-node statistics for one version or all of them, chosen with a GET form so the choice is in the URL. */
export async function ScenarioStatsCard({
  db,
  scenarioId,
  versions,
  selected,
  graph,
}: {
  db: Db;
  scenarioId: number;
  versions: { id: number; number: number }[];
  selected: number | undefined;
  graph: ScenarioGraph;
}) {
  const version = versions.find((candidate) => candidate.number === selected);
  const stats = await getScenarioStats(db, { scenarioId, versionId: version?.id });
  return (
    <Card data-testid="scenario-stats">
      <CardHeader
        title="Statistics"
        description="Visits per node and outcome."
        actions={
          <form method="get" className="flex items-center gap-2">
            <label htmlFor="scenario-stats-version" className="sr-only">
              Version
            </label>
            <Select id="scenario-stats-version" name="stats_version" defaultValue={version?.number ?? ""} className="h-8 w-36 text-xs" data-testid="scenario-stats-version">
              <option value="">All versions</option>
              {versions.map((candidate) => (
                <option key={candidate.id} value={candidate.number}>
                  Version {candidate.number}
                </option>
              ))}
            </Select>
            <button type="submit" className={buttonClasses("secondary", "sm")} data-testid="scenario-stats-show">
              Show
            </button>
          </form>
        }
      />
      <ScenarioStatsTable stats={stats} graph={graph} />
    </Card>
  );
}
