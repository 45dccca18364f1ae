import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { serializeGraphErrors, serializeScenario } from "@/lib/scenarios/scenario-json";
import { SCENARIOS_AUTH, scenarioIdParam } from "@/lib/api/scenario-route-params";
import { deleteScenario } from "@/lib/scenarios/admin/delete-scenario";
import { requireScenario } from "@/lib/scenarios/admin/find-scenario";
import { saveScenarioDraft } from "@/lib/scenarios/admin/save-scenario-draft";
import { updateScenarioBodySchema } from "@/lib/api/operations/scenarios";
import { presentGraph } from "@/lib/scenarios/graph";

export const GET = apiRoute({ auth: SCENARIOS_AUTH }, async ({ db, params }) => {
  const scenario = await requireScenario(db, scenarioIdParam(params));
  return NextResponse.json({
    scenario: serializeScenario(scenario),
    graph: presentGraph(scenario.draftGraph),
  });
});

export const PUT = apiRoute(
  { auth: SCENARIOS_AUTH, body: updateScenarioBodySchema },
  async ({ db, params, body }) => {
    const scenarioId = scenarioIdParam(params);
    const { errors } = await saveScenarioDraft(db, {
      scenarioId,
      name: body.name,
      reentry: body.reentry,
      reentryDays: body.reentry_days,
      conversionEvent: body.conversion === undefined ? undefined : (body.conversion?.event ?? null),
      conversionWindowDays:
        body.conversion === undefined ? undefined : (body.conversion?.window_days ?? null),
      holdoutPercent: body.holdout_percent,
      exitRules: body.exit_rules,
      graph: body.graph,
    });
    const scenario = await requireScenario(db, scenarioId);
    return NextResponse.json({
      scenario: serializeScenario(scenario),
      graph: presentGraph(scenario.draftGraph),
      errors: serializeGraphErrors(errors),
    });
  },
);

export const DELETE = apiRoute({ auth: SCENARIOS_AUTH }, async ({ db, params }) => {
  const scenarioId = scenarioIdParam(params);
  await deleteScenario(db, { scenarioId });
  return NextResponse.json({ scenario: serializeScenario(await requireScenario(db, scenarioId)) });
});
