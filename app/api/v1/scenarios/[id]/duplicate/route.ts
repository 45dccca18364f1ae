import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { serializeScenario } from "@/lib/scenarios/scenario-json";
import { SCENARIOS_AUTH, scenarioIdParam } from "@/lib/api/scenario-route-params";
import { duplicateScenario } from "@/lib/scenarios/admin/duplicate-scenario";
import { presentGraph } from "@/lib/scenarios/graph";

export const POST = apiRoute({ auth: SCENARIOS_AUTH }, async ({ db, params }) => {
  const copy = await duplicateScenario(db, { scenarioId: scenarioIdParam(params) });
  return NextResponse.json(
    {
      scenario: serializeScenario({ ...copy, currentVersionNumber: null }),
      graph: presentGraph(copy.draftGraph),
    },
    { status: 201 },
  );
});
