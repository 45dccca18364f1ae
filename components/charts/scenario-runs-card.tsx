import "server-only";
import { chartWindow } from "@/lib/charts/chart-window";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { getScenarioRunSeries } from "@/lib/scenarios/stats/get-scenario-run-series";
import { countOf } from "./chart-format";
import { LazyTimeSeriesChart } from "./lazy-time-series-chart";

/** How many days the builder's runs chart covers (the canvas counts cover 30 days too). */
const SCENARIO_RUNS_DAYS = 30;

/**
 * A scenario's runs per day over the last 30 days, by their status now, for the builder's side panel; it loads its
 * own data.
 */
export async function ScenarioRunsCard({ scenarioId }: { scenarioId: number }) {
  const window = chartWindow(now(), SCENARIO_RUNS_DAYS);
  const data = await getScenarioRunSeries(await getDb(), { scenarioId, window });
  const runs = data.reduce(
    (sum, point) => sum + point.completed + point.inProgress + point.failed + point.cancelled,
    0,
  );
  return (
    <section data-testid="scenario-runs">
      <h3 className="text-sm font-semibold text-zinc-900">Runs per day, last 30 days</h3>
      <p className="mt-0.5 mb-3 text-xs text-zinc-500">
        {countOf(runs, "run")} entered, by their status now.
      </p>
      <LazyTimeSeriesChart
        testId="scenario-runs-chart"
        kind="bar"
        stacked
        format="count"
        bucket="day"
        height={180}
        data={data}
        series={[
          { key: "completed", label: "Completed", color: "emerald" },
          { key: "inProgress", label: "Running", color: "brand" },
          { key: "failed", label: "Failed", color: "rose" },
          { key: "cancelled", label: "Cancelled", color: "zinc" },
          { key: "exited", label: "Exited", color: "amber" },
        ]}
        summary={`Runs of this scenario per day over the last 30 days: ${runs} entered.`}
      />
    </section>
  );
}
