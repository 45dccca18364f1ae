import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { SCENARIOS_AUTH, scenarioIdParam } from "@/lib/api/scenario-route-params";
import { requireScenario } from "@/lib/scenarios/admin/find-scenario";
import { simulateScenario } from "@/lib/scenarios/simulate-scenario";
import { simulateScenarioBodySchema } from "@/lib/api/operations/scenario-insight";

export const POST = apiRoute(
  { auth: SCENARIOS_AUTH, body: simulateScenarioBodySchema },
  async ({ db, params, body }) => {
    // Checked first so an unknown scenario is 404 whatever the body names.
    const scenario = await requireScenario(db, scenarioIdParam(params));
    const result = await simulateScenario(db, {
      scenarioId: scenario.id,
      version: body.version ?? "current",
      userId: body.user_id,
      trigger: body.trigger,
    });
    return NextResponse.json({
      simulation: {
        version_number: result.versionNumber,
        steps: result.steps.map((step) => ({
          node_id: step.nodeId,
          node_type: step.nodeType,
          outcome: step.outcome,
          facts: step.facts,
          note: step.note,
        })),
      },
    });
  },
);
