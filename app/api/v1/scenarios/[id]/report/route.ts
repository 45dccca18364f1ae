import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { scenarioReportQuerySchema } from "@/lib/api/operations/scenario-report";
import { SCENARIOS_AUTH, scenarioIdParam } from "@/lib/api/scenario-route-params";
import { DEFAULT_CHART_PERIOD, readChartPeriod } from "@/lib/charts/chart-period";
import { chartWindow } from "@/lib/charts/chart-window";
import { now } from "@/lib/clock";
import { notFound } from "@/lib/errors";
import { getScenarioReport } from "@/lib/scenarios/conversions/get-scenario-report";
import { serializeScenarioReport } from "@/lib/scenarios/conversions/report-json";

export const GET = apiRoute(
  { auth: SCENARIOS_AUTH, query: scenarioReportQuerySchema },
  async ({ db, params, query }) => {
    const report = await getScenarioReport(db, {
      scenarioId: scenarioIdParam(params),
      window: chartWindow(now(), readChartPeriod(String(query.days ?? DEFAULT_CHART_PERIOD))),
    });
    if (!report) throw notFound("scenario_not_found", "No such scenario.");
    return NextResponse.json(serializeScenarioReport(report));
  },
);
