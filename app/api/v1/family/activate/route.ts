import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { customerActor } from "@/lib/auth/actor";
import { activateFamilyRequest } from "@/lib/family/activate-family-request";
import { activateFamilyBodySchema } from "@/lib/api/operations/family";

export const POST = apiRoute(
  { auth: { token: "user" }, body: activateFamilyBodySchema },
  async ({ db, principal, body }) => {
    const activated = await activateFamilyRequest(db, {
      code: body.code,
      actor: customerActor(principal.user.id),
    });
    return NextResponse.json(
      {
        code: activated.request.code,
        subscription: {
          start_at: activated.subscription.startAt.toISOString(),
          end_at: activated.subscription.endAt.toISOString(),
          code: activated.subscriptionTypeCode,
          access: activated.access,
        },
      },
      { status: 201 },
    );
  },
);
