import { getDb } from "@/lib/db";
import { findDueRecurrentPayments } from "@/lib/recurrent-payments/find-due-recurrent-payments";
import { inngest } from "../client";
import { CHARGE_DUE_EVENT } from "../events";

/**
 * Every five minutes: one charge event per due recurrent payment (fan-out, so one slow gateway call never holds the
 * others). The event id names the recurrent payment, its failed attempts and the last payment it made, so a payment
 * still waiting from the last tick is not queued twice, while one whose charge never reached the gateway is.
 */
export const recurrentPaymentsCharge = inngest.createFunction(
  { id: "recurrent-payments-charge", triggers: [{ cron: "*/5 * * * *" }] },
  async ({ step }) => {
    const due = await step.run("find-due", async () => findDueRecurrentPayments(await getDb()));
    if (due.length === 0) return { queued: 0 };
    await step.sendEvent(
      "queue-charges",
      due.map((payment) => ({
        id: `charge:${payment.id}:${payment.failedAttempts}:${payment.lastPaymentId ?? 0}`,
        name: CHARGE_DUE_EVENT,
        data: {
          recurrent_payment_id: payment.id,
          charge_key: `${payment.id}:${payment.failedAttempts}:${payment.lastPaymentId ?? 0}`,
        },
      })),
    );
    return { queued: due.length };
  },
);
