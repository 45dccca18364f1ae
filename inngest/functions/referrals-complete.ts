import { getDb } from "@/lib/db";
import { parseEventData } from "@/lib/events/parse-event-data";
import { evaluateReferralTrigger } from "@/lib/referrals/complete-referral";
import { inngest } from "../client";

/** The event's time (the outbox sends each event's occurred_at as `ts`). */
const occurredAt = (ts: number | undefined) => (ts === undefined ? undefined : new Date(ts));

/**
 * The referral triggers: a friend's first sign-in fires `sign_up`, a friend's paid payment fires `first_payment`.
 * Evaluation is one transaction on the locked referral, so a replayed event completes nothing twice.
 */
export const referralsComplete = inngest.createFunction(
  {
    id: "referrals-complete",
    retries: 5,
    triggers: [{ event: "user.signed_in" }, { event: "payment.paid" }],
  },
  async ({ event, step }) => {
    if (event.name === "user.signed_in") {
      const data = parseEventData("user.signed_in", event.data);
      if (!data.first) return { skipped: "not the first sign-in" };
      return step.run("evaluate-sign-up", async () =>
        evaluateReferralTrigger(await getDb(), {
          userId: data.user_id,
          trigger: "sign_up",
          occurredAt: occurredAt(event.ts),
        }),
      );
    }
    const data = parseEventData("payment.paid", event.data);
    return step.run("evaluate-first-payment", async () =>
      evaluateReferralTrigger(await getDb(), {
        userId: data.user_id,
        trigger: "first_payment",
        paymentId: data.payment_id,
        occurredAt: occurredAt(event.ts),
      }),
    );
  },
);
