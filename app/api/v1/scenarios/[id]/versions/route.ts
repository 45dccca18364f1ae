import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { serializeScenarioVersion } from "@/lib/scenarios/scenario-json";
import { SCENARIOS_AUTH, scenarioIdParam } from "@/lib/api/scenario-route-params";
import { listScenarioVersions } from "@/lib/scenarios/admin/list-scenario-versions";

export const GET = apiRoute({ auth: SCENARIOS_AUTH }, async ({ db, params }) => {
  const versions = await listScenarioVersions(db, { scenarioId: scenarioIdParam(params) });
  return NextResponse.json({ versions: versions.map(serializeScenarioVersion) });
});
