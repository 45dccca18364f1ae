import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { serializeGraphErrors, serializeScenario } from "@/lib/scenarios/scenario-json";
import {
  SCENARIOS_AUTH,
  scenarioIdParam,
  versionNumberParam,
} from "@/lib/api/scenario-route-params";
import { presentGraph } from "@/lib/scenarios/graph";
import { requireScenario } from "@/lib/scenarios/admin/find-scenario";
import { restoreScenarioVersion } from "@/lib/scenarios/admin/restore-scenario-version";

/** Copy a published version's graph into the draft; the versions themselves never change. */
export const POST = apiRoute({ auth: SCENARIOS_AUTH }, async ({ db, params }) => {
  const scenarioId = scenarioIdParam(params);
  const { errors } = await restoreScenarioVersion(db, {
    scenarioId,
    number: versionNumberParam(params),
  });
  const scenario = await requireScenario(db, scenarioId);
  return NextResponse.json({
    scenario: serializeScenario(scenario),
    graph: presentGraph(scenario.draftGraph),
    errors: serializeGraphErrors(errors),
  });
});
