import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { serializeScenario } from "@/lib/scenarios/scenario-json";
import { SCENARIOS_AUTH } from "@/lib/api/scenario-route-params";
import { createScenario } from "@/lib/scenarios/admin/create-scenario";
import { listScenarios } from "@/lib/scenarios/admin/list-scenarios";
import { createScenarioBodySchema, listScenariosQuerySchema } from "@/lib/api/operations/scenarios";
import { presentGraph } from "@/lib/scenarios/graph";

export const GET = apiRoute(
  { auth: SCENARIOS_AUTH, query: listScenariosQuerySchema },
  async ({ db, query }) => {
    const { rows, total } = await listScenarios(db, query);
    return NextResponse.json({
      scenarios: rows.map((row) => ({
        id: row.id,
        name: row.name,
        status: row.status,
        reentry: row.reentry,
        reentry_days: row.reentryDays,
        current_version: row.currentVersionNumber,
        updated_at: row.updatedAt.toISOString(),
        deleted_at: row.deletedAt?.toISOString() ?? null,
        entries_24h: row.entries24h,
        entries_30d: row.entries30d,
        last_published_at: row.lastPublishedAt?.toISOString() ?? null,
      })),
      total,
    });
  },
);

export const POST = apiRoute(
  { auth: SCENARIOS_AUTH, body: createScenarioBodySchema },
  async ({ db, body }) => {
    const scenario = await createScenario(db, {
      name: body.name,
      reentry: body.reentry,
      reentryDays: body.reentry_days,
      conversion: {
        conversionEvent: body.conversion?.event ?? null,
        conversionWindowDays: body.conversion?.window_days ?? null,
        holdoutPercent: body.holdout_percent,
      },
      exitRules: body.exit_rules,
      graph: body.graph,
    });
    return NextResponse.json(
      {
        scenario: serializeScenario({ ...scenario, currentVersionNumber: null }),
        graph: presentGraph(scenario.draftGraph),
      },
      { status: 201 },
    );
  },
);
