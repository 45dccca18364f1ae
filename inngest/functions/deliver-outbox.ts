import { getDb } from "@/lib/db";
import { deliverEvents } from "@/lib/events/deliver-events";
import { inngest } from "../client";

/**
 * The outbox sweep: delivers domain events that were not sent right after their commit (a crash in between, Inngest
 * unreachable). Requests deliver their own events at once; this catches what is left behind.
 */
export const deliverOutbox = inngest.createFunction(
  { id: "deliver-outbox", retries: 2, triggers: [{ cron: "* * * * *" }] },
  async ({ step }) => {
    let total = 0;
    for (let batch = 1; batch <= 20; batch++) {
      const { sent, failed } = await step.run(`deliver-batch-${batch}`, async () =>
        deliverEvents(await getDb(), { limit: 200 }),
      );
      total += sent;
      if (sent < 200 || failed > 0) break;
    }
    return { sent: total };
  },
);
