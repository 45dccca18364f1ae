/** Internal Inngest events (not domain events: they never pass through the outbox). */
export const CHARGE_DUE_EVENT = "subflow/recurrent_payment.charge_due";
