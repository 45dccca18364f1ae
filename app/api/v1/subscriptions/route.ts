import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { requireUser } from "@/lib/api/require-user";
import { serializeSubscription } from "@/lib/subscriptions/subscription-json";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { findSubscriptionTypeByCode } from "@/lib/subscriptions/find-subscription-type";
import { createSubscriptionBodySchema } from "@/lib/api/operations/subscriptions";

export const POST = apiRoute(
  { auth: { token: "api", scope: "subscriptions:write" }, body: createSubscriptionBodySchema },
  async ({ db, body }) => {
    const { subscription, typeCode } = await db.transaction(async (tx) => {
      await requireUser(tx, body.user_id, { serialize: true });
      const type = await findSubscriptionTypeByCode(tx, body.subscription_type_code);
      const created = await createSubscription(tx, {
        userId: body.user_id,
        subscriptionTypeId: type.id,
        startAt: body.start_at,
        endAt: body.end_at,
        kind: body.kind,
        isPaid: body.is_paid,
        note: body.note,
      });
      return { subscription: created, typeCode: type.code };
    });
    return NextResponse.json(
      { subscription: serializeSubscription(subscription, typeCode) },
      { status: 201 },
    );
  },
);
