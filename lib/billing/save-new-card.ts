import "server-only";
import type { Db } from "@/lib/db";
import {
  absoluteBillingUrl,
  gatewayCurrency,
  loadGatewayCustomer,
} from "@/lib/payments/gateway-request-parts";
import { getGateway } from "@/lib/payments/gateways";
import type { CardSummary } from "@/lib/payments/gateways/gateway";
import { AppError, invalid } from "@/lib/errors";
import { replaceSavedCard } from "@/lib/recurrent-payments/replace-saved-card";
import { findMyRenewal } from "./find-my-renewal";

export type SaveNewCardResult =
  { status: "saved"; card: CardSummary | null } | { status: "redirect"; url: string };

/**
 * The customer replaces the card their renewals are charged on. A token gateway checks the card at once; a redirect
 * gateway (Stripe) saves it on its page and its webhook replaces the card. No transaction is open while the gateway
 * is called; the renewal is re-read only to know which gateway holds the customer's cards.
 */
export async function saveNewCard(
  db: Db,
  options: { userId: number; cardToken?: string; idempotencyKey: string },
): Promise<SaveNewCardResult> {
  const renewal = await findMyRenewal(db, options.userId);
  if (!renewal)
    throw invalid(
      "renewal_not_found",
      "You have no automatic renewal, so there is no card to change.",
    );
  const gateway = getGateway(renewal.gateway);
  if (gateway.checkoutMode === "token" && !options.cardToken)
    throw invalid("card_token_required", "Choose a card.");
  const outcome = await gateway.saveCard(
    {
      idempotencyKey: options.idempotencyKey,
      customer: await loadGatewayCustomer(db, options.userId),
      currency: gatewayCurrency(),
      cardToken: options.cardToken,
      returnUrl: absoluteBillingUrl("?card=saved"),
      cancelUrl: absoluteBillingUrl("?card=cancelled"),
    },
    { db },
  );
  if (outcome.status === "declined") throw new AppError("card_declined", outcome.reason, 402);
  if (outcome.status === "redirect") return { status: "redirect", url: outcome.url };
  await replaceSavedCard(db, {
    userId: options.userId,
    gateway: gateway.code,
    cardToken: outcome.cardToken,
    card: outcome.card,
  });
  return { status: "saved", card: outcome.card };
}
