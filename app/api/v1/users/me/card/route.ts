import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { serializeCard } from "@/lib/payments/payment-json";
import { saveNewCard } from "@/lib/billing/save-new-card";
import { saveCardBodySchema } from "@/lib/api/operations/billing";

export const POST = apiRoute(
  { auth: { token: "user" }, body: saveCardBodySchema },
  async ({ db, principal, body }) => {
    const result = await saveNewCard(db, {
      userId: principal.user.id,
      cardToken: body.payment_token,
      idempotencyKey: `card-${principal.user.id}-${body.idempotency_key}`,
    });
    if (result.status === "redirect")
      return NextResponse.json({ card: null, checkout_url: result.url });
    return NextResponse.json({ card: serializeCard(result.card), checkout_url: null });
  },
);
