import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { serializeScenarioRun } from "@/lib/scenarios/scenario-json";
import { SCENARIOS_AUTH, scenarioIdParam } from "@/lib/api/scenario-route-params";
import { requireScenario } from "@/lib/scenarios/admin/find-scenario";
import { listScenarioRuns } from "@/lib/scenarios/runs/list-scenario-runs";
import { listScenarioRunsQuerySchema } from "@/lib/api/operations/scenario-insight";

export const GET = apiRoute(
  { auth: SCENARIOS_AUTH, query: listScenarioRunsQuerySchema },
  async ({ db, params, query }) => {
    const scenario = await requireScenario(db, scenarioIdParam(params));
    const { rows, total } = await listScenarioRuns(db, {
      scenarioId: scenario.id,
      userId: query.user_id,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
    return NextResponse.json({ runs: rows.map(serializeScenarioRun), total });
  },
);
