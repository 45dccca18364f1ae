import { AppError } from "@/lib/errors";

/** Gateways that charge cards. UI-safe (no gateway code is loaded). */
export const CARD_GATEWAY_CODES = ["demo", "stripe"] as const;
export type CardGatewayCode = (typeof CARD_GATEWAY_CODES)[number];

/** Gateways a payment may name. `manual` records payments settled outside Subflow (bank transfer, admin). */
export const PAYMENT_GATEWAY_CODES = [...CARD_GATEWAY_CODES, "manual"] as const;
export type PaymentGatewayCode = (typeof PAYMENT_GATEWAY_CODES)[number];

export function toGatewayCode(code: string): PaymentGatewayCode {
  const known = PAYMENT_GATEWAY_CODES.find((candidate) => candidate === code);
  if (!known) throw new AppError("gateway_unknown", `Unknown payment gateway "${code}".`, 400);
  return known;
}
