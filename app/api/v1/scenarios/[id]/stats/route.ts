import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { SCENARIOS_AUTH, scenarioIdParam } from "@/lib/api/scenario-route-params";
import { findScenarioVersion } from "@/lib/scenarios/admin/find-scenario-version";
import { requireScenario } from "@/lib/scenarios/admin/find-scenario";
import { getScenarioStats } from "@/lib/scenarios/stats/get-scenario-stats";
import { scenarioStatsQuerySchema } from "@/lib/api/operations/scenario-insight";

export const GET = apiRoute(
  { auth: SCENARIOS_AUTH, query: scenarioStatsQuerySchema },
  async ({ db, params, query }) => {
    const scenarioId = scenarioIdParam(params);
    await requireScenario(db, scenarioId);
    const version =
      query.version === undefined
        ? null
        : await findScenarioVersion(db, { scenarioId, number: query.version });
    const stats = await getScenarioStats(db, { scenarioId, versionId: version?.id });
    const mapValues = <T, U>(record: Record<string, T>, map: (value: T) => U) =>
      Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
    return NextResponse.json({
      version: version?.number ?? null,
      stats: {
        nodes: mapValues(stats.nodes, (node) => ({
          last_24h: node.last24h,
          last_30d: node.last30d,
        })),
        edges: mapValues(stats.edges, (edge) => ({
          last_24h: edge.last24h,
          last_30d: edge.last30d,
        })),
      },
    });
  },
);
