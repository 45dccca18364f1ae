import { getDb } from "@/lib/db";
import { emitLifecycleEvents } from "@/lib/subscriptions/emit-lifecycle-events";
import { inngest } from "../client";

const BATCH = 500;

/** Every minute: `subscription.started` / `subscription.ended` for what started or ended, exactly once each. */
export const subscriptionsLifecycle = inngest.createFunction(
  { id: "subscriptions-lifecycle", triggers: [{ cron: "* * * * *" }] },
  async ({ step }) => {
    const totals = { started: 0, ended: 0 };
    for (let batch = 1; batch <= 50; batch++) {
      const result = await step.run(`sweep-${batch}`, async () =>
        emitLifecycleEvents(await getDb(), { limit: BATCH }),
      );
      totals.started += result.started;
      totals.ended += result.ended;
      if (result.started < BATCH && result.ended < BATCH) break;
    }
    return totals;
  },
);
