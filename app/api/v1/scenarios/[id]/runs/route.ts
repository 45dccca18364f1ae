import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { serializeScenarioRunListItem } from "@/lib/scenarios/scenario-json";
import { SCENARIOS_AUTH, scenarioIdParam } from "@/lib/api/scenario-route-params";
import { requireScenario } from "@/lib/scenarios/admin/find-scenario";
import { searchScenarioRuns } from "@/lib/scenarios/runs/search-scenario-runs";
import { listScenarioRunsQuerySchema } from "@/lib/api/operations/scenario-insight";

export const GET = apiRoute(
  { auth: SCENARIOS_AUTH, query: listScenarioRunsQuerySchema },
  async ({ db, params, query }) => {
    const scenario = await requireScenario(db, scenarioIdParam(params));
    const { rows, total } = await searchScenarioRuns(db, {
      scenarioId: scenario.id,
      status: query.status,
      versionNumber: query.version,
      userId: query.user_id,
      email: query.email,
      nodeId: query.node_id,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
    return NextResponse.json({ runs: rows.map(serializeScenarioRunListItem), total });
  },
);
