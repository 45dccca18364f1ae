import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { SCENARIOS_AUTH } from "@/lib/api/scenario-route-params";
import { fireScenarioTest } from "@/lib/scenarios/fire-scenario-test";
import { fireScenarioTestBodySchema } from "@/lib/api/operations/scenario-insight";

export const POST = apiRoute(
  { auth: SCENARIOS_AUTH, body: fireScenarioTestBodySchema },
  async ({ db, body }) => {
    const { eventId } = await fireScenarioTest(db, { userId: body.user_id, payload: body.payload });
    return NextResponse.json({ event_id: eventId }, { status: 202 });
  },
);
