import "server-only";
import { z } from "zod";
import { subscriptionKind } from "@/lib/db/schema";
import { defineCriterion, EQUALITY, equality } from "./define-criterion";

export default defineCriterion({
  kind: "subscription",
  key: "kind",
  label: "Subscription kind",
  operators: EQUALITY,
  valueInput: { options: subscriptionKind.enumValues },
  value: z.enum(subscriptionKind.enumValues),
  requires: "subscription",
  async evaluate(context, operator, kind) {
    const subscription = await context.subscription();
    if (!subscription) return { holds: false, actual: null };
    return { holds: equality(operator, subscription.kind === kind), actual: subscription.kind };
  },
});
