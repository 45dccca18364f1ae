import { getDb } from "@/lib/db";
import { parseEventData } from "@/lib/events/parse-event-data";
import { sendPaymentConfirmation } from "@/lib/payments/send-payment-confirmation";
import { inngest } from "../client";

/** A charge waits for the customer's confirmation (SCA): email them the link, once per charge attempt. */
export const paymentConfirmationSend = inngest.createFunction(
  { id: "payment-confirmation-send", retries: 5, triggers: [{ event: "payment.action_required" }] },
  async ({ event, step }) => {
    const data = parseEventData("payment.action_required", event.data);
    return step.run(`send-${data.payment_id}`, async () => {
      const sent = await sendPaymentConfirmation(await getDb(), { paymentId: data.payment_id });
      return sent
        ? { email_log_id: sent.entry.id, status: sent.entry.status }
        : { skipped: "payment no longer pending" };
    });
  },
);
