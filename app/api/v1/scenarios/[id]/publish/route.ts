import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { answeringGraphErrors } from "@/lib/api/scenario-invalid-response";
import { serializeScenarioVersion } from "@/lib/scenarios/scenario-json";
import { SCENARIOS_AUTH, scenarioIdParam } from "@/lib/api/scenario-route-params";
import { publishScenario } from "@/lib/scenarios/admin/publish-scenario";
import { publishScenarioBodySchema } from "@/lib/api/operations/scenarios";

export const POST = apiRoute(
  { auth: SCENARIOS_AUTH, body: publishScenarioBodySchema },
  async ({ db, params, body }) =>
    answeringGraphErrors(async () => {
      // API tokens belong to no user, so a version published through the API has no publisher.
      const version = await publishScenario(db, {
        scenarioId: scenarioIdParam(params),
        note: body.note,
        publishedBy: null,
      });
      return NextResponse.json(
        {
          version: serializeScenarioVersion({
            ...version,
            publishedByEmail: null,
            isCurrent: true,
          }),
        },
        { status: 201 },
      );
    }),
);
