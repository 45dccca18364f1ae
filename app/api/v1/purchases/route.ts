import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { loadPaymentResult } from "@/lib/payments/load-payment-result";
import { purchaseSubscription } from "@/lib/purchases/purchase-subscription";
import { purchaseBodySchema } from "@/lib/api/operations/purchases";

export const POST = apiRoute(
  { auth: { token: "user" }, body: purchaseBodySchema },
  async ({ db, principal, body }) => {
    const purchase = await purchaseSubscription(db, {
      userId: principal.user.id,
      subscriptionTypeCode: body.subscription_type_code,
      recurrent: body.recurrent,
      discountCode: body.discount_code ?? null,
      paymentToken: body.payment_token ?? null,
      idempotencyKey: body.idempotency_key,
    });
    return NextResponse.json(
      { ...(await loadPaymentResult(db, purchase.payment.id)), checkout_url: purchase.checkoutUrl },
      { status: 201, headers: purchase.replayed ? { "Idempotent-Replayed": "true" } : undefined },
    );
  },
);
