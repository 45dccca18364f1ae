import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { serializeScenario } from "@/lib/scenarios/scenario-json";
import { SCENARIOS_AUTH, scenarioIdParam } from "@/lib/api/scenario-route-params";
import { restoreScenario } from "@/lib/scenarios/admin/restore-scenario";
import { requireScenario } from "@/lib/scenarios/admin/find-scenario";

export const POST = apiRoute({ auth: SCENARIOS_AUTH }, async ({ db, params }) => {
  const scenarioId = scenarioIdParam(params);
  await restoreScenario(db, { scenarioId });
  return NextResponse.json({ scenario: serializeScenario(await requireScenario(db, scenarioId)) });
});
