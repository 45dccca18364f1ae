import "server-only";
import { markGatewayCalled } from "@/lib/db/retry-on-conflict";
import { AppError } from "@/lib/errors";
import { demoGateway } from "./demo";
import type { PaymentGateway } from "./gateway";
import { stripeGateway } from "./stripe";
import { CARD_GATEWAY_CODES, type CardGatewayCode } from "./gateway-codes";

/**
 * Every call that reaches a gateway first marks the request (markGatewayCalled), so the request is never run again
 * after a database conflict (retryOnConflict): money may have moved.
 */
function markingCalls(gateway: PaymentGateway): PaymentGateway {
  return {
    ...gateway,
    startPayment(request, context) {
      markGatewayCalled();
      return gateway.startPayment(request, context);
    },
    chargeSavedCard(request, context) {
      markGatewayCalled();
      return gateway.chargeSavedCard(request, context);
    },
    refund(request, context) {
      markGatewayCalled();
      return gateway.refund(request, context);
    },
    lookup(request, context) {
      markGatewayCalled();
      return gateway.lookup(request, context);
    },
    saveCard(request, context) {
      markGatewayCalled();
      return gateway.saveCard(request, context);
    },
  };
}

const gateways: Record<CardGatewayCode, PaymentGateway> = {
  demo: markingCalls(demoGateway),
  stripe: markingCalls(stripeGateway),
};

export function isChargeableGateway(code: string): code is CardGatewayCode {
  return (CARD_GATEWAY_CODES as readonly string[]).includes(code);
}

export function getGateway(code: string): PaymentGateway {
  if (!isChargeableGateway(code))
    throw new AppError("gateway_not_chargeable", `Gateway "${code}" cannot charge cards.`, 400);
  return gateways[code];
}

/** The gateway customers pay through at checkout: `PAYMENT_GATEWAY` (`demo` by default, `stripe` in production). */
export function checkoutGateway(): PaymentGateway {
  const code = process.env.PAYMENT_GATEWAY?.trim() || "demo";
  if (!isChargeableGateway(code))
    throw new Error(
      `PAYMENT_GATEWAY="${code}" is not a card gateway (${CARD_GATEWAY_CODES.join(", ")}).`,
    );
  return gateways[code];
}
