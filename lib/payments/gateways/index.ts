import { AppError } from "@/lib/errors";
import { demoGateway } from "./demo-gateway";
import type { PaymentGateway } from "./gateway";

const gateways: Record<string, PaymentGateway> = { [demoGateway.code]: demoGateway };

/** Gateways a payment may name. `manual` records payments settled outside Subflow (bank transfer, admin). */
export const PAYMENT_GATEWAY_CODES = ["demo", "manual"] as const;
export type PaymentGatewayCode = (typeof PAYMENT_GATEWAY_CODES)[number];

export function toGatewayCode(code: string): PaymentGatewayCode {
  const known = PAYMENT_GATEWAY_CODES.find((candidate) => candidate === code);
  if (!known) throw new AppError("gateway_unknown", `Unknown payment gateway "${code}".`, 400);
  return known;
}

export function isChargeableGateway(code: string): boolean {
  return code in gateways;
}

export function getGateway(code: string): PaymentGateway {
  const gateway = gateways[code];
  if (!gateway) throw new AppError("gateway_not_chargeable", `Gateway "${code}" cannot charge stored cards.`, 400);
  return gateway;
}
