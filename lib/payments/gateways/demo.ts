import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { demoGatewayCharges } from "@/lib/db/schema";
import type { CardSummary, GatewayContext, GatewayOutcome, PaymentGateway } from "./gateway";

/** Test card tokens of the demo gateway. */
export const DEMO_CARD_TOKENS = {
  succeeds: "tok_visa",
  declined: "tok_declined",
} as const;

interface DemoCharge {
  idempotencyKey: string;
  paymentId: number;
  cardToken: string;
  amountCents: number;
}

/** How the demo's good test card looks on a billing page. */
export const DEMO_CARD: CardSummary = { brand: "visa", last4: "4242", expMonth: 12, expYear: 2030 };

function decide(
  cardToken: string,
): { status: "paid" } | { status: "declined"; code: string; reason: string } {
  if (cardToken === DEMO_CARD_TOKENS.succeeds) return { status: "paid" };
  if (cardToken === DEMO_CARD_TOKENS.declined) {
    return {
      status: "declined",
      code: "card_declined",
      reason: "The card was declined (insufficient funds).",
    };
  }
  return {
    status: "declined",
    code: "unknown_card_token",
    reason: `The demo gateway does not know card token "${cardToken}".`,
  };
}

function toOutcome(row: typeof demoGatewayCharges.$inferSelect, saveCard: boolean): GatewayOutcome {
  if (row.status === "paid") {
    return {
      status: "paid",
      reference: row.reference,
      savedCardToken: saveCard ? row.cardToken : null,
      card: saveCard ? DEMO_CARD : null,
    };
  }
  const { code, reason } = decide(row.cardToken) as { code: string; reason: string };
  return { status: "declined", reference: row.reference, code, reason };
}

/**
 * Charge once per idempotency key, like a real gateway: the ledger row is inserted only if the key is new, and the
 * answer is always the stored row's, so a replayed request (a retry after a timeout) reports the first charge.
 */
async function charge(
  request: DemoCharge,
  saveCard: boolean,
  context?: GatewayContext,
): Promise<GatewayOutcome> {
  const db = context?.db ?? (await getDb());
  const decision = decide(request.cardToken);
  await db
    .insert(demoGatewayCharges)
    .values({
      idempotencyKey: request.idempotencyKey,
      reference: `demo_${randomUUID()}`,
      paymentId: request.paymentId,
      cardToken: request.cardToken,
      amountCents: request.amountCents,
      status: decision.status,
    })
    .onConflictDoNothing({ target: demoGatewayCharges.idempotencyKey });
  const [row] = await db
    .select()
    .from(demoGatewayCharges)
    .where(eq(demoGatewayCharges.idempotencyKey, request.idempotencyKey));
  if (!row) throw new Error("demo gateway lost a charge");
  return toOutcome(row, saveCard);
}

/**
 * The built-in `demo` gateway: `tok_visa` is charged, `tok_declined` is declined with a reason, and any other token
 * is refused as unknown. It moves no money, but it keeps a ledger (`demo_gateway_charges`) so that idempotency,
 * lookups and refunds behave as at a real gateway, and every success and failure path runs end to end.
 */
export const demoGateway: PaymentGateway = {
  code: "demo",
  name: "Demo gateway (test cards)",
  checkoutMode: "token",
  async startPayment(request, context) {
    if (!request.cardToken)
      return {
        status: "declined",
        reference: null,
        code: "card_token_missing",
        reason: "Choose a card.",
      };
    return charge({ ...request, cardToken: request.cardToken }, request.saveCard, context);
  },
  async chargeSavedCard(request, context) {
    return charge(request, true, context);
  },
  async refund(request, context) {
    const db = context?.db ?? (await getDb());
    const [row] = await db
      .update(demoGatewayCharges)
      .set({ refundedAt: new Date() })
      .where(eq(demoGatewayCharges.reference, request.reference))
      .returning();
    if (!row || row.status !== "paid")
      throw new Error(`demo gateway: no paid charge ${request.reference} to refund`);
    return { reference: `${row.reference}_refund` };
  },
  async saveCard(request) {
    // Saving moves no money, so there is nothing to keep in the ledger: the token is checked like a charge would be.
    const decision = decide(request.cardToken ?? "");
    if (decision.status === "declined") return decision;
    return { status: "saved", cardToken: request.cardToken ?? "", card: DEMO_CARD };
  },
  async lookup(request, context) {
    const db = context?.db ?? (await getDb());
    const [row] = await db
      .select()
      .from(demoGatewayCharges)
      .where(eq(demoGatewayCharges.idempotencyKey, request.idempotencyKey));
    // No charge under the key: the request never reached the gateway, so nothing was taken.
    if (!row) return { status: "abandoned", reference: null };
    return toOutcome(row, true);
  },
};
