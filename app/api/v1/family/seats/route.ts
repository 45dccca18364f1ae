import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { loadPaymentResult } from "@/lib/payments/load-payment-result";
import { createFamilySeatsPayment } from "@/lib/family/create-family-seats-payment";
import { absoluteCheckoutUrl } from "@/lib/payments/gateway-request-parts";
import { familySeatsBodySchema } from "@/lib/api/operations/family";

// The master is the token's user: only their own running family subscriptions are offered seats.
export const POST = apiRoute(
  { auth: { token: "user" }, body: familySeatsBodySchema },
  async ({ db, principal, body }) => {
    const payment = await createFamilySeatsPayment(db, {
      masterUserId: principal.user.id,
      count: body.count,
      masterSubscriptionId: body.master_subscription_id,
      subscriptionTypeCode: body.subscription_type_code,
    });
    const { payment: json } = await loadPaymentResult(db, payment.id);
    return NextResponse.json(
      { payment: json, checkout_url: absoluteCheckoutUrl(payment.id) },
      { status: 201 },
    );
  },
);
