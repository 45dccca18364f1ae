import type Stripe from "stripe";
import type { GatewayWebhookEffect } from "./gateway";
import { cardOfPaymentMethod, idOf } from "./stripe-outcomes";

/**
 * How a customer's new card is saved at Stripe (saveCard): a Checkout Session in setup mode whose metadata — on the
 * session and on its SetupIntent — names our user and the purpose, so its completion reads back as `card_saved`.
 * Pure: the callers fetch the objects.
 */

export const METADATA_USER_ID = "subflow_user_id";
export const METADATA_PURPOSE = "subflow_purpose";
const CARD_SETUP = "card_setup";

export function cardSetupMetadata(userId: number): Stripe.MetadataParam {
  return { [METADATA_USER_ID]: String(userId), [METADATA_PURPOSE]: CARD_SETUP };
}

/** Our user id when the session is one of our card setups, or null (a payment, or a setup made outside Subflow). */
export function cardSetupUserIdOf(session: Stripe.Checkout.Session): number | null {
  if (session.mode !== "setup" || session.metadata?.[METADATA_PURPOSE] !== CARD_SETUP) return null;
  const raw = session.metadata[METADATA_USER_ID];
  if (!raw || !/^[1-9]\d*$/.test(raw)) return null;
  return Number(raw);
}

/** What a completed card setup means: the SetupIntent's card (its `payment_method` expanded) replaces the user's. */
export function cardSavedEffect(
  userId: number,
  setupIntent: Stripe.SetupIntent,
): GatewayWebhookEffect {
  const cardToken = idOf(setupIntent.payment_method);
  // Not succeeded (a payment method still verifying): no card to charge yet.
  if (setupIntent.status !== "succeeded" || !cardToken) return { kind: "ignored" };
  return {
    kind: "card_saved",
    userId,
    cardToken,
    card: cardOfPaymentMethod(setupIntent.payment_method),
  };
}
