import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { EMAIL_AUTH, recordEmailEventBodySchema } from "@/lib/api/operations/email";
import { recordDeliveryEvent } from "@/lib/email/events/record-delivery-event";

export const POST = apiRoute(
  { auth: EMAIL_AUTH, body: recordEmailEventBodySchema },
  async ({ db, body, principal }) => {
    const result = await recordDeliveryEvent(db, {
      messageId: body.message_id,
      type: body.type,
      bounceType: body.bounce_type,
      occurredAt: body.occurred_at,
      detail: body.detail,
      // Ids are the sender's own: scoped to the token, as custom event ids are.
      externalId: body.id === undefined ? undefined : `api:${principal.tokenId}:${body.id}`,
    });
    return NextResponse.json({
      event: {
        id: result.eventId,
        email_log_id: result.emailLogId,
        recorded: result.recorded,
        suppressed: result.suppressed,
      },
    });
  },
);
