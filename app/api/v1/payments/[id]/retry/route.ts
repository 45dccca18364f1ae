import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { loadPaymentResult } from "@/lib/payments/load-payment-result";
import { reopenFailedRenewal } from "@/lib/billing/reopen-failed-renewal";
import { payPayment } from "@/lib/payments/pay-payment";
import { notFound } from "@/lib/errors";
import { paymentIdParam } from "@/lib/payments/payment-id-param";
import { retryPaymentBodySchema } from "@/lib/api/operations/billing";

export const POST = apiRoute(
  { auth: { token: "user" }, body: retryPaymentBodySchema },
  async ({ db, principal, params, body }) => {
    const reopened = await reopenFailedRenewal(db, {
      userId: principal.user.id,
      paymentId: paymentIdParam(params, () =>
        notFound("payment_not_found", "No renewal payment of yours with that id."),
      ),
    });
    const paid = await payPayment(db, {
      paymentId: reopened.id,
      userId: principal.user.id,
      useSavedCard: body.card === "saved",
      cardToken: body.card === "new" ? body.payment_token : undefined,
    });
    // A paid renewal's result carries the chain's next recurrent payment (the one it is the parent of).
    return NextResponse.json(
      {
        ...(await loadPaymentResult(db, paid.payment.id)),
        checkout_url: paid.status === "redirect" ? paid.url : null,
      },
      { status: 201 },
    );
  },
);
