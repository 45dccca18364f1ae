import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { emailStatsQuerySchema } from "@/lib/api/operations/email-stats";
import { SCENARIOS_AUTH, scenarioIdParam } from "@/lib/api/scenario-route-params";
import { serializeEmailStats } from "@/lib/email/stats/email-stats-json";
import { loadScenarioEmailStats } from "@/lib/email/stats/load-email-stats";
import { requireScenario } from "@/lib/scenarios/admin/find-scenario";

export const GET = apiRoute(
  { auth: SCENARIOS_AUTH, query: emailStatsQuerySchema },
  async ({ db, params, query }) => {
    const scenarioId = scenarioIdParam(params);
    await requireScenario(db, scenarioId);
    const nodes = await loadScenarioEmailStats(db, { scenarioId, since: query.since });
    return NextResponse.json({
      nodes: Object.fromEntries(
        Object.entries(nodes).map(([nodeId, stats]) => [nodeId, serializeEmailStats(stats)]),
      ),
    });
  },
);
