import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { serializeScenarioRun, serializeScenarioRunStep } from "@/lib/scenarios/scenario-json";
import { runIdParam, SCENARIOS_AUTH, scenarioIdParam } from "@/lib/api/scenario-route-params";
import { notFound } from "@/lib/errors";
import { requireScenario } from "@/lib/scenarios/admin/find-scenario";
import { getScenarioRunPath } from "@/lib/scenarios/runs/get-scenario-run-path";

export const GET = apiRoute({ auth: SCENARIOS_AUTH }, async ({ db, params }) => {
  const scenario = await requireScenario(db, scenarioIdParam(params));
  // The scenario id is part of the lookup: a run of another scenario is not found here.
  const path = await getScenarioRunPath(db, { runId: runIdParam(params), scenarioId: scenario.id });
  if (!path) throw notFound("scenario_run_not_found", "This scenario has no such run.");
  return NextResponse.json({
    run: serializeScenarioRun(path.run),
    steps: path.steps.map(serializeScenarioRunStep),
  });
});
