import type { Db } from "@/lib/db";
import type { CardGatewayCode } from "./gateway-codes";

/**
 * What a payment gateway does for Subflow, behind one interface (`demo`, `stripe`). Subflow stays the system of record:
 * a gateway moves money and answers questions about it; it never creates subscriptions.
 *
 * Every call that can move money carries an idempotency key (`chargeIdempotencyKey`): the same key sent twice —
 * a retry after a timeout, reconciliation asking again — is one charge at the gateway. No method is ever called
 * inside a database transaction.
 */

/** Who pays, as the gateway needs to know them (a saved card belongs to a gateway customer). */
export interface GatewayCustomer {
  userId: number;
  email: string;
  name: string | null;
}

interface ChargeBase {
  /** Our payment id (also sent as the gateway's metadata, so its dashboard and webhooks name our payment). */
  paymentId: number;
  /** One key per charge attempt of the payment; the gateway de-duplicates on it. */
  idempotencyKey: string;
  amountCents: number;
  /** ISO 4217, lower case (`eur`). */
  currency: string;
  description: string;
  customer: GatewayCustomer;
}

/** A customer pays now, at a checkout. */
export interface StartPaymentRequest extends ChargeBase {
  /** Keep the card for our own off-session charges (automatic renewal). */
  saveCard: boolean;
  /** A token the customer's browser got from the gateway (the demo gateway's `tok_visa`); absent for redirects. */
  cardToken?: string;
  /** Where a redirecting gateway sends the customer back after paying, and after giving up. Absolute URLs. */
  returnUrl: string;
  cancelUrl: string;
}

/** We charge a saved card without the customer present (a renewal, an upgrade charge). */
export interface ChargeSavedCardRequest extends ChargeBase {
  /** The gateway's reference to the saved card, as `paid.savedCardToken` returned it. */
  cardToken: string;
  /** Where the customer confirms the charge when the bank asks for it (SCA). Absolute URL. */
  confirmUrl: string;
}

/** A saved card as the customer sees it on their billing page. */
export interface CardSummary {
  /** `visa`, `mastercard`, … as the gateway names it. */
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

/** What a gateway says about a charge: now (its answer), later (a webhook) or when asked (reconciliation). */
export type GatewayOutcome =
  /**
   * Money taken. `savedCardToken`: the card kept for off-session charges when the request asked to save it, and
   * `card` what it looks like (when the gateway says).
   */
  | { status: "paid"; reference: string; savedCardToken?: string | null; card?: CardSummary | null }
  /** Refused; the customer may try another card. */
  | { status: "declined"; reference: string | null; code: string; reason: string }
  /**
   * Not settled yet: the customer is on the gateway's checkout page (`redirectUrl`), or their bank asks them to
   * confirm the charge (`action: "confirm"`, `redirectUrl` where they do it).
   */
  | {
      status: "pending";
      reference: string;
      redirectUrl: string | null;
      action: "checkout" | "confirm" | null;
    }
  /** The customer left the gateway's page without paying (its session expired): the payment is payable again. */
  | { status: "abandoned"; reference: string | null };

/** The customer replaces the card their renewals are charged on. */
export interface SaveCardRequest {
  /** One key per attempt to save a card. */
  idempotencyKey: string;
  customer: GatewayCustomer;
  /** ISO 4217, lower case: Stripe's setup page wants the currency the card will be charged in. */
  currency: string;
  /** A token gateway's card (the demo gateway's `tok_visa`); redirect gateways collect the card on their page. */
  cardToken?: string;
  /** Where a redirecting gateway sends the customer back after saving, and after giving up. Absolute URLs. */
  returnUrl: string;
  cancelUrl: string;
}

export type SaveCardOutcome =
  | { status: "saved"; cardToken: string; card: CardSummary | null }
  | { status: "declined"; code: string; reason: string }
  /** The customer saves the card on the gateway's page (Stripe Checkout in setup mode); a webhook reports it. */
  | { status: "redirect"; reference: string; url: string };

export interface RefundRequest {
  paymentId: number;
  idempotencyKey: string;
  /** The reference of the paid charge (`paid.reference`). */
  reference: string;
  amountCents: number;
}

export interface LookupRequest {
  paymentId: number;
  /** The key of the charge attempt to look up: a charge whose answer was lost is found by it. */
  idempotencyKey: string;
  /** What the gateway answered before, if anything reached us. */
  reference: string | null;
  /** The saved-card charge's request, so a gateway that finds a charge only by replaying its request can do so. */
  replay?: ChargeSavedCardRequest;
}

/** What a verified webhook means for Subflow. */
export type GatewayWebhookEffect =
  | { kind: "settle"; paymentId: number; outcome: GatewayOutcome }
  | { kind: "refunded"; paymentId: number; reference: string }
  | { kind: "disputed"; paymentId: number; reference: string }
  /** A card saved on the gateway's page (saveCard's redirect): renewals of the user charge it from now on. */
  | { kind: "card_saved"; userId: number; cardToken: string; card: CardSummary | null }
  | { kind: "ignored" };

export interface GatewayWebhookEvent {
  /** The gateway's event id: a redelivery has the same one and is handled once. */
  id: string;
  type: string;
  effect: GatewayWebhookEffect;
}

/**
 * The caller's database handle, for what a gateway keeps on our side (Stripe's customer ids, the demo gateway's
 * ledger). Omitted: the process-wide database. Callers pass theirs, so a gateway never opens a second connection
 * to an embedded database, and a script that seeds inside one transaction keeps its gateway rows in it.
 */
export interface GatewayContext {
  db: Db;
}

export interface PaymentGateway {
  code: CardGatewayCode;
  /** A name for people ("Stripe", "Demo gateway (test cards)"). */
  name: string;
  /** `token`: the checkout collects a card token and the gateway answers at once; `redirect`: the customer pays on the gateway's page. */
  checkoutMode: "token" | "redirect";
  startPayment(request: StartPaymentRequest, context?: GatewayContext): Promise<GatewayOutcome>;
  chargeSavedCard(
    request: ChargeSavedCardRequest,
    context?: GatewayContext,
  ): Promise<GatewayOutcome>;
  refund(request: RefundRequest, context?: GatewayContext): Promise<{ reference: string }>;
  lookup(request: LookupRequest, context?: GatewayContext): Promise<GatewayOutcome>;
  /** Save a new card for the customer's renewals, without charging it. */
  saveCard(request: SaveCardRequest, context?: GatewayContext): Promise<SaveCardOutcome>;
  /** Verify and interpret a webhook delivery; throws `AppError` (400 `webhook_signature_invalid`) when it is not genuine. */
  parseWebhook?(rawBody: string, headers: Headers): Promise<GatewayWebhookEvent>;
}

/** The idempotency key of a payment's n-th charge attempt (a declined checkout may be paid again with another card). */
export function chargeIdempotencyKey(paymentId: number, attempt: number): string {
  return `subflow-payment-${paymentId}-${attempt}`;
}
