import "server-only";
import { AppError } from "@/lib/errors";
import { demoGateway } from "./demo";
import type { PaymentGateway } from "./gateway";
import { stripeGateway } from "./stripe";
import { CARD_GATEWAY_CODES, type CardGatewayCode } from "./gateway-codes";

const gateways: Record<CardGatewayCode, PaymentGateway> = {
  demo: demoGateway,
  stripe: stripeGateway,
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
