import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { serializeRecurrentPayment } from "@/lib/recurrent-payments/recurrent-payment-json";
import { setRenewal } from "@/lib/billing/set-renewal";
import { renewalBodySchema } from "@/lib/api/operations/billing";

export const POST = apiRoute(
  { auth: { token: "user" }, body: renewalBodySchema },
  async ({ db, principal, body }) => {
    const renewal = await setRenewal(db, { userId: principal.user.id, action: body.action });
    return NextResponse.json({ recurrent_payment: serializeRecurrentPayment(renewal) });
  },
);
