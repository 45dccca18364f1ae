import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { serializeScenarioVersion } from "@/lib/scenarios/scenario-json";
import {
  SCENARIOS_AUTH,
  scenarioIdParam,
  versionNumberParam,
} from "@/lib/api/scenario-route-params";
import { findScenarioVersion } from "@/lib/scenarios/admin/find-scenario-version";
import { requireScenario } from "@/lib/scenarios/admin/find-scenario";
import { presentGraph } from "@/lib/scenarios/graph";

export const GET = apiRoute({ auth: SCENARIOS_AUTH }, async ({ db, params }) => {
  const scenarioId = scenarioIdParam(params);
  const version = await findScenarioVersion(db, { scenarioId, number: versionNumberParam(params) });
  const scenario = await requireScenario(db, scenarioId);
  return NextResponse.json({
    version: serializeScenarioVersion({
      ...version,
      publishedByEmail: null,
      isCurrent: scenario.currentVersionId === version.id,
    }),
    graph: presentGraph(version.graph),
  });
});
