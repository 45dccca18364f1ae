import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { saveNewCard } from "@/lib/billing/save-new-card";
import { saveCardBodySchema } from "./schema";

export const POST = apiRoute({ auth: { token: "user" }, body: saveCardBodySchema }, async ({ db, principal, body }) => {
  const result = await saveNewCard(db, {
    userId: principal.user.id,
    cardToken: body.payment_token,
    idempotencyKey: `card-${principal.user.id}-${body.idempotency_key}`,
  });
  if (result.status === "redirect") return NextResponse.json({ card: null, checkout_url: result.url });
  const { card } = result;
  return NextResponse.json({
    card: card ? { brand: card.brand, last4: card.last4, exp_month: card.expMonth, exp_year: card.expYear } : null,
    checkout_url: null,
  });
});
