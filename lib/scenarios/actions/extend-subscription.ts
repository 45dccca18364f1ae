import "server-only";
import { z } from "zod";
import { extendActualSubscription } from "@/lib/subscriptions/extend-subscription";
import { defineGenericAction } from "./define-action";

export default defineGenericAction({
  code: "extend_subscription",
  label: "Extend subscription",
  description: "Adds days to the user's actual subscription (nothing happens when none runs).",
  params: z.strictObject({ days: z.number().int().min(1).max(3650).meta({ title: "Days" }) }),
  describe: (params) => `extend the actual subscription by ${params.days} days`,
  async execute(run, params) {
    // A retried visit must not extend twice: the step is memoized once it returns, and the extension is one transaction.
    const result = await extendActualSubscription(run.db, { userId: run.userId, days: params.days });
    if (!result) return { extended: false, reason: "no actual subscription" };
    return {
      extended: true,
      subscription_id: result.subscription.id,
      from: result.previousEndAt.toISOString(),
      to: result.subscription.endAt.toISOString(),
    };
  },
});
