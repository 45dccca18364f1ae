import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { serializeScenario } from "@/lib/api/scenario-json";
import { SCENARIOS_AUTH, scenarioIdParam } from "@/lib/api/scenario-route-params";
import { disableScenario } from "@/lib/scenarios/manage/disable-scenario";
import { requireScenario } from "@/lib/scenarios/manage/find-scenario";

export const POST = apiRoute({ auth: SCENARIOS_AUTH }, async ({ db, params }) => {
  const scenarioId = scenarioIdParam(params);
  await disableScenario(db, { scenarioId });
  return NextResponse.json({ scenario: serializeScenario(await requireScenario(db, scenarioId)) });
});
