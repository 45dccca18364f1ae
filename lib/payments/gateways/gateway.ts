/** What a payment gateway does for Subflow: charge a stored card token. Real gateways plug in behind this. */
export interface ChargeRequest {
  cardToken: string;
  amountCents: number;
  /** Our payment id, so the gateway can de-duplicate a retried request. */
  paymentId: number;
  description: string;
}

export type ChargeResult =
  | { ok: true; transactionId: string }
  | { ok: false; reason: string; code: string };

export interface PaymentGateway {
  code: string;
  name: string;
  charge(request: ChargeRequest): Promise<ChargeResult>;
}
