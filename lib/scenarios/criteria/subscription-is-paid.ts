import "server-only";
import { z } from "zod";
import { defineCriterion } from "./define-criterion";

export default defineCriterion({
  kind: "subscription",
  key: "is_paid",
  label: "Subscription is paid",
  operators: [{ op: "is", label: "is" }],
  valueInput: "boolean",
  value: z.boolean(),
  requires: "subscription",
  async evaluate(context, _operator, paid) {
    const subscription = await context.subscription();
    if (!subscription) return { holds: false, actual: null };
    return { holds: subscription.isPaid === paid, actual: subscription.isPaid };
  },
});
