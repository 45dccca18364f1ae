import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { answeringGraphErrors } from "@/lib/api/scenario-invalid-response";
import { serializeScenario } from "@/lib/scenarios/scenario-json";
import { SCENARIOS_AUTH, scenarioIdParam } from "@/lib/api/scenario-route-params";
import { enableScenario } from "@/lib/scenarios/admin/enable-scenario";
import { requireScenario } from "@/lib/scenarios/admin/find-scenario";

export const POST = apiRoute({ auth: SCENARIOS_AUTH }, async ({ db, params }) =>
  answeringGraphErrors(async () => {
    const scenarioId = scenarioIdParam(params);
    await enableScenario(db, { scenarioId });
    return NextResponse.json({
      scenario: serializeScenario(await requireScenario(db, scenarioId)),
    });
  }),
);
