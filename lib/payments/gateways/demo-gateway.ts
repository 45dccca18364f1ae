import { randomUUID } from "node:crypto";
import type { PaymentGateway } from "./gateway";

/** Test card tokens of the demo gateway. */
export const DEMO_CARD_TOKENS = {
  succeeds: "tok_visa",
  declined: "tok_declined",
} as const;

/**
 * The built-in `demo` gateway: `tok_visa` is charged, `tok_declined` is declined with a reason, and any other token
 * is refused as unknown. It moves no money; it exists to exercise every success and failure path end to end.
 */
export const demoGateway: PaymentGateway = {
  code: "demo",
  name: "Demo gateway (test cards)",
  async charge(request) {
    if (request.cardToken === DEMO_CARD_TOKENS.succeeds) return { ok: true, transactionId: `demo_${randomUUID()}` };
    if (request.cardToken === DEMO_CARD_TOKENS.declined) {
      return { ok: false, code: "card_declined", reason: "The card was declined (insufficient funds)." };
    }
    return { ok: false, code: "unknown_card_token", reason: `The demo gateway does not know card token "${request.cardToken}".` };
  },
};
