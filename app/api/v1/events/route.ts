import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { createEventBodySchema } from "@/lib/api/operations/events";
import type { CustomEventName } from "@/lib/events/event-names";
import { recordApiEvent } from "@/lib/events/record-api-event";

export const POST = apiRoute(
  { auth: { token: "api", scope: "events:write" }, body: createEventBodySchema },
  async ({ db, body, principal }) => {
    const event = await recordApiEvent(db, {
      tokenId: principal.tokenId,
      clientId: body.id,
      name: body.name as CustomEventName,
      userId: body.user_id,
      payload: body.payload ?? {},
    });
    return NextResponse.json({ event }, { status: 202 });
  },
);
