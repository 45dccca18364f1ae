import { getDb } from "@/lib/db";
import { parseEventData } from "@/lib/events/parse-event-data";
import { addPaidFamilySeats } from "@/lib/family/add-paid-family-seats";
import { inngest } from "../client";

/** On `payment.paid`: a payment for extra family seats adds them to its master subscription (idempotent). */
export const familySeatsAdd = inngest.createFunction(
  { id: "family-seats-add", retries: 5, triggers: [{ event: "payment.paid" }] },
  async ({ event, step }) => {
    const { payment_id: paymentId } = parseEventData("payment.paid", event.data);
    const created = await step.run(`add-seats-${paymentId}`, async () =>
      (await addPaidFamilySeats(await getDb(), { paymentId })).map((request) => request.id),
    );
    return { created };
  },
);
