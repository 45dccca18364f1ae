import { z } from "zod";
import { getDb } from "@/lib/db";
import { sendPaymentConfirmation } from "@/lib/payments/send-payment-confirmation";
import { inngest } from "../client";

const dataSchema = z.object({ payment_id: z.number().int().positive() });

/** A charge waits for the customer's confirmation (SCA): email them the link, once per charge attempt. */
export const paymentConfirmationSend = inngest.createFunction(
  { id: "payment-confirmation-send", retries: 5, triggers: [{ event: "payment.action_required" }] },
  async ({ event, step }) => {
    const data = dataSchema.parse(event.data);
    return step.run(`send-${data.payment_id}`, async () => {
      const sent = await sendPaymentConfirmation(await getDb(), { paymentId: data.payment_id });
      return sent ? { email_log_id: sent.entry.id, status: sent.entry.status } : { skipped: "payment no longer pending" };
    });
  },
);
