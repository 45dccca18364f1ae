import { eq } from "drizzle-orm";
import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { serializeRecurrentPayment } from "@/lib/recurrent-payments/recurrent-payment-json";
import { cancelPlanChange, schedulePlanChange } from "@/lib/billing/change-plan";
import type { Db } from "@/lib/db";
import { subscriptionTypes, type RecurrentPayment } from "@/lib/db/schema";
import { planChangeBodySchema } from "@/lib/api/operations/billing";

async function respond(db: Db, renewal: RecurrentPayment) {
  const [next] = await db
    .select({ code: subscriptionTypes.code })
    .from(subscriptionTypes)
    .where(eq(subscriptionTypes.id, renewal.nextSubscriptionTypeId ?? renewal.subscriptionTypeId));
  return NextResponse.json({
    recurrent_payment: serializeRecurrentPayment(renewal),
    next_subscription_type_code: next?.code ?? "",
  });
}

export const POST = apiRoute(
  { auth: { token: "user" }, body: planChangeBodySchema },
  async ({ db, principal, body }) =>
    respond(
      db,
      await schedulePlanChange(db, {
        userId: principal.user.id,
        subscriptionTypeCode: body.subscription_type_code,
      }),
    ),
);

export const DELETE = apiRoute({ auth: { token: "user" } }, async ({ db, principal }) =>
  respond(db, await cancelPlanChange(db, { userId: principal.user.id })),
);
