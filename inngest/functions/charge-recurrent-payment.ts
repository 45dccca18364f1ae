import { z } from "zod";
import { getDb } from "@/lib/db";
import { chargeRecurrentPayment as charge } from "@/lib/recurrent-payments/charge-recurrent-payment";
import { inngest } from "../client";
import { CHARGE_DUE_EVENT } from "../events";

const dataSchema = z.object({
  recurrent_payment_id: z.number().int().positive(),
  charge_key: z.string(),
});

/**
 * Charge one due recurrent payment. The row lock inside the charge makes overlapping runs harmless; the idempotency
 * key (payment and attempt) keeps a re-queued event from starting a second run at all.
 */
export const chargeRecurrentPayment = inngest.createFunction(
  {
    id: "charge-recurrent-payment",
    idempotency: "event.data.charge_key",
    triggers: [{ event: CHARGE_DUE_EVENT }],
  },
  async ({ event, step }) => {
    const data = dataSchema.parse(event.data);
    return step.run(`charge-${data.charge_key}`, async () => {
      const outcome = await charge(await getDb(), {
        recurrentPaymentId: data.recurrent_payment_id,
      });
      if (outcome.status === "charged")
        return { status: outcome.status, payment_id: outcome.payment.id };
      if (outcome.status === "declined")
        return {
          status: outcome.status,
          payment_id: outcome.payment.id,
          final: outcome.final,
          reason: outcome.reason,
        };
      if (outcome.status === "pending")
        return { status: outcome.status, payment_id: outcome.payment.id };
      return outcome;
    });
  },
);
